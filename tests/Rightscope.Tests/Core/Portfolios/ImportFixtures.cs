using System.Text;
using Rightscope.Core.Portfolios.Import;

namespace Rightscope.Tests.Core.Portfolios;

internal static class ImportFixtures
{
    public const string Header = "name,isin,lei,ticker,country,weight,market_value,currency,shares";

    public const string Apple = "Apple Inc.,US0378331005,HWUPKR0MPOU8FGXBT394,AAPL,US,60,6000.50,USD,30";

    public const string MicrosoftRow = "Microsoft Corporation,US5949181045,INR2EJN1ERAN0W5ZP974,MSFT,USA,40,4000,USD,10";

    public static string Csv(params string[] lines) => string.Join("\n", lines) + "\n";

    public static HoldingsImportResult Import(string text, HoldingsImportOptions? options = null) =>
        Import(Encoding.UTF8.GetBytes(text), options);

    public static HoldingsImportResult Import(byte[] bytes, HoldingsImportOptions? options = null) =>
        HoldingsImporter.Import(new MemoryStream(bytes), options);

    /// <summary>A stream that is not seekable, as an upload or a pipe is.</summary>
    public static HoldingsImportResult ImportForwardOnly(byte[] bytes, HoldingsImportOptions? options = null) =>
        HoldingsImporter.Import(new ForwardOnlyStream(bytes), options);

    public static string Describe(HoldingsImportResult result) => string.Join("\n", result.Issues);

    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();

        public override long Position { get => base.Position; set => throw new NotSupportedException(); }
    }
}
