using System.Text;
using Rightscope.Core.Indicators;

namespace Rightscope.Tests.Core.Indicators;

public sealed class IndicatorImportTests
{
    private static readonly string RepositoryRoot = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));

    private static readonly IndicatorCatalog Catalog = IndicatorCatalog.Load(Path.Combine(RepositoryRoot, "catalog"), out _);

    private static IndicatorImportResult Read(string csv, bool skip = false, params string[] map)
    {
        var issues = new List<IndicatorIssue>();
        var mapping = IndicatorImport.ParseMapping(map, issues);
        Assert.Empty(issues);
        return IndicatorImport.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), Catalog, mapping, skip);
    }

    [Fact]
    public void A_valid_file_gives_rows_with_alpha_2_countries_and_normalized_breakdowns()
    {
        var result = Read("""
            indicator,country,year,value,unit,sex,age_group,location,disability,source
            internet-use,KEN,2023,41.5,percent,F,15-24,Rural,no,ITU
            internet-use,ke,2023,45,,total,,urban,,
            egov-online-services,DE,2022,0.85,index,,,,,UN
            """);

        Assert.True(result.CanWrite);
        Assert.Empty(result.Issues);
        Assert.Equal(3, result.Rows.Count);
        var first = result.Rows[0];
        Assert.Equal(("KE", 2023, 41.5, "percent"), (first.Country, first.Year, first.Value, first.Unit));
        Assert.Equal(new Breakdown("female", "15-24", "rural", "without"), first.Breakdown);
        Assert.Equal(new Breakdown("", "", "urban", ""), result.Rows[1].Breakdown);
        Assert.Equal(2, first.Line);
    }

    [Fact]
    public void Every_bad_cell_is_reported_with_its_line_and_field_and_nothing_can_be_written()
    {
        var result = Read("""
            indicator,country,year,value,sex,location
            internet-use,XX,2023,41,female,urban
            internet-use,KE,2023,forty,female,urban
            no-such-indicator,KE,2023,1,,
            internet-use,KE,1800,1,,
            internet-use,KE,2023,1,woman,city
            internet-use,DE,2023,70,female,urban
            internet-use,DEU,2023,71,F,Urban
            """);

        Assert.False(result.CanWrite);
        string[] expected =
        [
            "2 country UnknownCountry XX",
            "3 value NotANumber forty",
            "4 indicator UnknownIndicator no-such-indicator",
            "5 year BadYear 1800",
            "6 sex BadSex woman",
            "6 location BadLocation city",
            "8 indicator Duplicate internet-use",
        ];
        Assert.Equal(expected, result.Issues.Select(i => $"{i.Line} {i.Field} {i.Code} {i.Value}"));
        Assert.Equal(7, result.Issues[^1].OtherLine);
        Assert.Equal(6, result.BadRows);
    }

    [Fact]
    public void Bad_rows_may_be_skipped_when_asked()
    {
        var result = Read("indicator,country,year,value\ninternet-use,XX,2023,1\ninternet-use,KE,2023,2\n", skip: true);

        Assert.True(result.CanWrite);
        Assert.Single(result.Rows);
        Assert.Equal(1, result.BadRows);
    }

    [Fact]
    public void A_unit_other_than_the_catalog_s_is_refused()
    {
        var result = Read("indicator,country,year,value,unit\ninternet-use,KE,2023,0.4,share\n");

        Assert.Equal("2 unit UnitMismatch share", Assert.Single(result.Issues) is var i ? $"{i.Line} {i.Field} {i.Code} {i.Value}" : "");
    }

    [Fact]
    public void Columns_can_be_mapped_and_missing_required_columns_are_named()
    {
        var mapped = Read("kpi,iso3,yr,val\ninternet-use,BRA,2024,80\n", false, "kpi=indicator", "iso3=country", "yr=year", "val=value");
        Assert.Equal("BR", Assert.Single(mapped.Rows).Country);

        var missing = Read("indicator,iso,year\ninternet-use,BR,2024\n");
        Assert.False(missing.CanWrite);
        Assert.Contains(missing.Issues, i => i is { Line: 0, Field: "country", Code: IndicatorIssueCode.MissingColumn });
        Assert.Contains(missing.Issues, i => i is { Line: 0, Field: "value", Code: IndicatorIssueCode.MissingColumn });
    }

    [Fact]
    public void A_mapping_to_an_unknown_field_is_an_error()
    {
        var issues = new List<IndicatorIssue>();
        IndicatorImport.ParseMapping(["a=nothing", "b"], issues);

        Assert.Equal(2, issues.Count(i => i.Code == IndicatorIssueCode.BadMapping));
    }

    [Fact]
    public void A_file_that_is_not_utf_8_is_refused()
    {
        var bytes = Encoding.Latin1.GetBytes("indicator,country,year,value,source\ninternet-use,KE,2023,1,Bundesamt für Statistik\n");
        var result = IndicatorImport.Read(new MemoryStream(bytes), Catalog, new Dictionary<string, IndicatorField>(), false);

        Assert.False(result.CanWrite);
        Assert.Contains(result.Issues, i => i.Code == IndicatorIssueCode.NotUtf8);
    }
}

public sealed class CountryValuesTests
{
    [Fact]
    public void Gaps_are_female_minus_male_and_urban_minus_rural_from_single_breakdowns_only()
    {
        BrokenDownValue[] values =
        [
            new("KE", 2024, Breakdown.Total, 40),
            new("KE", 2024, new Breakdown("female", "", "", ""), 35),
            new("KE", 2024, new Breakdown("male", "", "", ""), 45),
            new("KE", 2024, new Breakdown("female", "15-24", "", ""), 60),
            new("KE", 2024, new Breakdown("", "", "urban", ""), 55),
            new("KE", 2024, new Breakdown("", "", "rural", ""), 30),
            new("KE", 2023, Breakdown.Total, 1),
            new("DE", 2024, Breakdown.Total, 90),
        ];

        var rows = CountryValues.For(values, 2024);

        Assert.Equal(["DE", "KE"], rows.Select(r => r.Country));
        var kenya = rows[1];
        Assert.Equal(40, kenya.Total);
        Assert.Equal(-10, kenya.SexGap);
        Assert.Equal(25, kenya.LocationGap);
        Assert.Null(rows[0].SexGap);
    }
}
