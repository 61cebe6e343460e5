using System.Text;
using Rightscope.Core.Transparency;

namespace Rightscope.Tests.Core.Transparency;

public sealed class TransparencyImportTests
{
    private static TransparencyImportResult Read(string csv, TransparencyImportOptions? options = null) =>
        TransparencyImport.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), options ?? new TransparencyImportOptions());

    [Fact]
    public void Reads_individual_requests_and_decides_the_kind_by_the_columns()
    {
        var result = Read(
            "received_on,country,authority,request_type,legal_process,accounts_specified,decision,items_disclosed_or_removed,non_disclosure_order,user_notified\n" +
            "2024-02-03,DEU,Federal police,user-data,court-order,2,complied-partially,1,yes,no\n" +
            "2024-08-09,br,Court of São Paulo,Content removal,COURT_ORDER,0,rejected,0,no,\n");
        Assert.Empty(result.Issues);
        Assert.Equal(ImportKind.Requests, result.Kind);
        Assert.Equal(2, result.Requests.Count);
        var first = result.Requests[0];
        Assert.Equal((2, "DE", RequestType.UserData, LegalProcess.CourtOrder, RequestDecision.CompliedPartially, true, (bool?)false),
            (first.Line, first.Country, first.Type, first.Process, first.Decision, first.NonDisclosureOrder, first.UserNotified));
        Assert.Equal((RequestType.ContentRemoval, (bool?)null), (result.Requests[1].Type, result.Requests[1].UserNotified));
        Assert.True(result.CanWrite(false));
    }

    [Fact]
    public void Reads_aggregates_with_a_column_mapping_and_semicolons()
    {
        var result = Read(
            "Zeitraum;Land;Art;Verfahren;Anfragen;Konten;Notes\n2023H2;DE;user-data;subpoena;40;55;x\n",
            new TransparencyImportOptions { Mapping = ["Zeitraum=period", "Land=country", "Art=request_type", "Verfahren=legal_process", "Anfragen=requests", "Konten=accounts_specified", "Notes=-"] });
        Assert.Empty(result.Issues);
        var aggregate = Assert.Single(result.Aggregates).Count;
        Assert.Equal((TransparencyPeriod.OfHalf(2023, 2), new CellKey("DE", RequestType.UserData, LegalProcess.Subpoena), 40, 55),
            (aggregate.Period, aggregate.Key, aggregate.Counts.Requests, aggregate.Counts.AccountsSpecified));
    }

    [Fact]
    public void Every_bad_value_is_reported_with_its_line_and_field_and_nothing_can_be_written()
    {
        var result = Read(
            "period,country,request_type,legal_process,requests,complied_fully,rejected\n" +
            "2024H1,DE,user-data,court-order,5,2,1\n" +
            "2024H3,UK,wiretap,court-order,x,0,0\n" +
            "2024,Global,user-data,court-order,2,2,1\n" +
            "2024H1,DE,user-data,court-order,1,0,0\n");
        Assert.False(result.CanWrite(false));
        Assert.True(result.CanWrite(true));
        Assert.Equal(3, result.BadRows);
        Assert.Contains(result.Issues, i => i is { Line: 3, Field: "period", Code: ImportIssueCode.PeriodInvalid });
        Assert.Contains(result.Issues, i => i is { Line: 3, Field: "country", Code: ImportIssueCode.CountryNotIso } && i.Arguments.SequenceEqual(new[] { "UK", "GB" }));
        Assert.Contains(result.Issues, i => i is { Line: 3, Field: "request_type", Code: ImportIssueCode.CodeUnknown });
        Assert.Contains(result.Issues, i => i is { Line: 3, Field: "requests", Code: ImportIssueCode.NotACount });
        Assert.Contains(result.Issues, i => i is { Line: 4, Field: "country", Code: ImportIssueCode.CountryNotIso } && i.Arguments[1] == CountryCodes.None);
        Assert.Contains(result.Issues, i => i is { Line: 4, Field: "requests", Code: ImportIssueCode.OutcomesExceedRequests });
        Assert.Contains(result.Issues, i => i is { Line: 5, Field: "period", Code: ImportIssueCode.DuplicateCell } && i.Arguments[0] == "2");
        Assert.Single(result.Aggregates);
    }

    [Fact]
    public void A_country_map_given_by_the_user_resolves_non_iso_codes()
    {
        var result = Read(
            "period,country,request_type,legal_process,requests\n2024,UK,user-data,court-order,5\n2024,Global,user-data,court-order,3\n",
            new TransparencyImportOptions { CountryMap = CountryMap.Parse(["UK=GB", "Global=none"]) });
        Assert.Empty(result.Issues);
        Assert.Equal(["GB", CountryCodes.None], result.Aggregates.Select(a => a.Count.Key.Country));
    }

    [Theory]
    [InlineData("received_on,country,authority,request_type,legal_process,colour\n2024-01-01,DE,X,user-data,court-order,red\n", ImportIssueCode.UnknownColumn, "colour")]
    [InlineData("received_on,country,request_type,legal_process\n2024-01-01,DE,user-data,court-order\n", ImportIssueCode.MissingColumn, "authority")]
    [InlineData("country,authority\nDE,X\n", ImportIssueCode.KindUnknown, null)]
    [InlineData("", ImportIssueCode.EmptyFile, null)]
    [InlineData("period,country,request_type,legal_process,requests\n", ImportIssueCode.NoRows, null)]
    public void A_file_level_problem_stops_the_import(string csv, ImportIssueCode code, string? field)
    {
        var result = Read(csv);
        Assert.False(result.CanWrite(true));
        Assert.Contains(result.Issues, i => i.Code == code && (field is null || i.Field == field));
    }

    [Fact]
    public void The_csv_export_imports_back_to_the_same_numbers()
    {
        var key = new CellKey("IN", RequestType.ContentRemoval, LegalProcess.AdministrativeOrder);
        var figures = TransparencyFigures.Build(TransparencyPeriod.OfHalf(2024, 1),
            [
                new CountedRequest(new DateOnly(2024, 1, 5), key, 3, RequestDecision.CompliedFully),
                new CountedRequest(new DateOnly(2024, 1, 6), key, 1, RequestDecision.Pending),
                new CountedRequest(new DateOnly(2024, 5, 6), new CellKey(CountryCodes.None, RequestType.UserData, LegalProcess.EmergencyRequest), 1, RequestDecision.ChallengedInCourt),
            ],
            []);
        var document = TransparencyDocument.Create(figures, "acme", "Acme", null);
        var result = Read(document.ToCsv());
        Assert.Empty(result.Issues);
        var again = TransparencyFigures.Build(figures.Period, [], result.Aggregates.Select(a => a.Count));
        Assert.Equal(figures.Totals, again.Totals);
        Assert.Equal(figures.Cells.Select(c => (c.Key, c.Counts)), again.Cells.Select(c => (c.Key, c.Counts)));
        var json = TransparencyDocument.FromJson(document.ToJson());
        Assert.Equal(document.Totals, json.Totals);
        Assert.Equal(document.Cells, json.Cells);
        Assert.Contains("\"share_some_data_produced\": 0.3333", document.ToJson(), StringComparison.Ordinal);
    }
}
