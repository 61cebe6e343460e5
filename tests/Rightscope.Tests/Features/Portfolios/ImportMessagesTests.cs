using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Portfolios.Import;
using Rightscope.Features.Portfolios;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Features.Portfolios;

/// <summary>Every import reason code has a message in both languages, and messages fill in their named arguments.</summary>
public sealed class ImportMessagesTests
{
    [Fact]
    public async Task Every_reason_code_has_an_english_and_a_chinese_message()
    {
        await using var app = await RightscopeFactory.StartAsync(ProviderData.Sqlite);
        var text = app.Services.GetRequiredService<IStringLocalizer<PortfoliosText>>();
        var original = CultureInfo.CurrentUICulture;
        try
        {
            foreach (var culture in new[] { "en", "zh-Hans" })
            {
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
                var missing = Enum.GetValues<ImportIssueCode>().Where(c => text[ImportMessages.Key(c)].ResourceNotFound).ToList();
                Assert.True(missing.Count == 0, $"{culture}: no message for {string.Join(", ", missing)}");
            }

            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-Hans");
            var issue = new ImportIssue(3, "isin", ImportIssueCode.IsinCheckDigit, Issues.Arguments(("value", "US0378331006"), ("expected", "5")), IssueSeverity.Error);
            Assert.Equal("ISIN“US0378331006”的校验位错误（应为 5）：请检查是否输入有误。", ImportMessages.Format(text, issue));
            Assert.Equal("f.csv:3: isin: ISIN“US0378331006”的校验位错误（应为 5）：请检查是否输入有误。", ImportMessages.Line(text, "f.csv", issue));
            var sum = new ImportIssue(0, null, ImportIssueCode.WeightSumOff, Issues.Arguments(("sum", "60"), ("tolerance", "1")), IssueSeverity.Warning);
            Assert.Equal("f.csv: warning: 权重合计为 60%，与 100% 相差超过 1 个百分点。", ImportMessages.Line(text, "f.csv", sum));
        }
        finally
        {
            CultureInfo.CurrentUICulture = original;
        }
    }
}
