using System.Globalization;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Portfolios.Import;

namespace Rightscope.Features.Portfolios;

/// <summary>An import issue in the reader's language: the resource <c>Import.{Code}</c> with its named arguments filled in.</summary>
public static class ImportMessages
{
    public static string Key(ImportIssueCode code) => $"Import.{code}";

    public static string Format(IStringLocalizer<PortfoliosText> text, ImportIssue issue)
    {
        var message = text[Key(issue.Code)].Value;
        foreach (var (name, value) in issue.Arguments)
        {
            message = message.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return message;
    }

    /// <summary><c>FILE:LINE: COLUMN: message</c>, as compilers and <c>methodology validate</c> print problems.</summary>
    public static string Line(IStringLocalizer<PortfoliosText> text, string file, ImportIssue issue) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{file}:{issue.Line}: {issue.Column ?? "-"}: {(issue.Severity == IssueSeverity.Warning ? "warning: " : "")}{Format(text, issue)}");
}
