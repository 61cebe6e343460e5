using System.Globalization;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Benchmark;

namespace Rightscope.Features.Benchmark;

/// <summary>Import issues as <c>FILE:LINE: FIELD: message</c>, in the current UI language (English on the command line).</summary>
public static class BenchmarkMessages
{
    public static string Line(IStringLocalizer<BenchmarkText> text, string file, BenchmarkIssue issue) =>
        issue.Line > 0
            ? $"{file}:{issue.Line.ToString(CultureInfo.InvariantCulture)}: {issue.Field}: {Message(text, issue)}"
            : $"{file}: {issue.Field}: {Message(text, issue)}";

    public static string Message(IStringLocalizer<BenchmarkText> text, BenchmarkIssue issue) =>
        text[$"Issue.{issue.Code}", [.. issue.Args]];
}
