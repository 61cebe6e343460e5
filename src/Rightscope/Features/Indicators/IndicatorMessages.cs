using System.Globalization;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Indicators;

namespace Rightscope.Features.Indicators;

/// <summary>Import issues in words, and as <c>FILE:LINE: FIELD: message</c> lines for the command line.</summary>
public static class IndicatorMessages
{
    public static string Describe(IStringLocalizer<IndicatorsText> text, IndicatorIssue issue) =>
        text[$"Issue.{issue.Code}", issue.Value, issue.OtherLine, IndicatorImport.FirstYear, IndicatorImport.LastYear];

    public static string Line(IStringLocalizer<IndicatorsText> text, string fileName, IndicatorIssue issue) =>
        string.Create(CultureInfo.InvariantCulture, $"{fileName}:{issue.Line}: {issue.Field}: {Describe(text, issue)}");
}
