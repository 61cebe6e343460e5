using Rightscope.Core.Benchmark;
using Rightscope.Core.Indicators;
using Rightscope.Core.Portfolios.Import;
using Rightscope.Core.Transparency;
using Rightscope.Tests.Core.Benchmark;

namespace Rightscope.Tests.Security.Fuzz;

/// <summary>Every reader of uploaded or command-line files, each with a small valid file of its own layout.</summary>
public static class ImportTargets
{
    private static readonly string RepositoryRoot = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));

    private static readonly Lazy<IndicatorCatalog> Indicators = new(() => IndicatorCatalog.Load(Path.Combine(RepositoryRoot, "catalog"), out _));

    public static string CorpusDirectory => Path.Combine(RepositoryRoot, "tests/Rightscope.Tests/Security/Fuzz/Corpus");

    public static ImportTarget Holdings { get; } = new(
        "holdings",
        "name,isin,lei,ticker,country,weight,market_value,currency,shares\n"
        + "Apple Inc.,US0378331005,HWUPKR0MPOU8FGXBT394,AAPL,US,60,6000.50,USD,30\n"
        + "Microsoft Corporation,US5949181045,INR2EJN1ERAN0W5ZP974,MSFT,USA,40,4000,USD,10\n",
        bytes =>
        {
            var result = HoldingsImporter.Import(new MemoryStream(bytes));
            return new ImportOutcome(result.CanWrite, result.Rows.Count, [.. result.Issues
                .Where(i => i.Severity == IssueSeverity.Error)
                .Select(i => new ExplainedError(i.Line, i.Column, i.Code.ToString()))]);
        });

    public static ImportTarget IndicatorData { get; } = new(
        "indicators",
        "indicator,country,year,value,unit,sex,age_group,location,disability,source\n"
        + "internet-use,KEN,2023,41.5,percent,F,15-24,Rural,no,ITU\n"
        + "internet-use,ke,2023,45,,total,,urban,,\n"
        + "egov-online-services,DE,2022,0.85,index,,,,,UN\n",
        bytes =>
        {
            var result = IndicatorImport.Read(new MemoryStream(bytes), Indicators.Value, new Dictionary<string, IndicatorField>(), skipBadRows: false);
            return new ImportOutcome(result.CanWrite, result.Rows.Count, [.. result.Issues.Select(i => new ExplainedError(i.Line, i.Field, i.Code.ToString()))]);
        });

    public static ImportTarget BenchmarkElements { get; } = new(
        "benchmark-elements",
        "company,service,indicator,element,answer\n"
        + "Fictional Alpha,,g1-policy-commitment,g1-expression,yes\n"
        + "Fictional Alpha,Mail,f1-access-to-policies,f1-easy-to-find,PARTIAL\n"
        + "Fictional Beta,,g1-policy-commitment,g1-privacy,not-applicable\n",
        bytes => Benchmark(bytes, BenchmarkImportLevel.Element));

    public static ImportTarget BenchmarkIndicators { get; } = new(
        "benchmark-indicators",
        "company,service,indicator,score\n"
        + "Fictional Alpha,,g1-policy-commitment,50\n"
        + "Fictional Beta,company,g1-policy-commitment,NA\n",
        bytes => Benchmark(bytes, BenchmarkImportLevel.Indicator));

    public static ImportTarget GovernmentRequests { get; } = new(
        "government-requests",
        "received_on,country,authority,request_type,legal_process,accounts_specified,decision,items_disclosed_or_removed,non_disclosure_order,user_notified\n"
        + "2024-02-03,DEU,Federal police,user-data,court-order,2,complied-partially,1,yes,no\n"
        + "2024-08-09,br,Court of São Paulo,Content removal,COURT_ORDER,0,rejected,0,no,\n",
        Transparency);

    public static ImportTarget GovernmentRequestCounts { get; } = new(
        "government-request-counts",
        "period,country,request_type,legal_process,requests,complied_fully,rejected\n"
        + "2024H1,DE,user-data,court-order,5,2,1\n"
        + "2023H2,FR,content-removal,subpoena,3,1,1\n",
        Transparency);

    public static IReadOnlyList<ImportTarget> All { get; } =
        [Holdings, IndicatorData, BenchmarkElements, BenchmarkIndicators, GovernmentRequests, GovernmentRequestCounts];

    public static ImportTarget Named(string name) => All.Single(t => t.Name == name);

    private static ImportOutcome Benchmark(byte[] bytes, BenchmarkImportLevel level)
    {
        var result = BenchmarkImportReader.Read(new MemoryStream(bytes), BenchmarkFixtures.Methodology, level, []);
        return new ImportOutcome(result.CanWrite(false), result.Companies.Count, [.. result.Issues.Select(i => new ExplainedError(i.Line, i.Field, i.Code.ToString()))]);
    }

    private static ImportOutcome Transparency(byte[] bytes)
    {
        var result = TransparencyImport.Read(new MemoryStream(bytes), new TransparencyImportOptions());
        return new ImportOutcome(result.CanWrite(false), result.Requests.Count + result.Aggregates.Count,
            [.. result.Issues.Select(i => new ExplainedError(i.Line, i.Field, i.Code.ToString()))]);
    }
}
