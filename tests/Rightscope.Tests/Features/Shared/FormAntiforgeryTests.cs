using System.Text.RegularExpressions;

namespace Rightscope.Tests.Features.Shared;

/// <summary>
/// Every POST form renders its own anti-forgery field. The form tag helper adds it only to forms without an explicit
/// <c>action</c> attribute; a form with one needs <c>asp-antiforgery="true"</c> or <c>@Html.AntiForgeryToken()</c>.
/// The HTTP tests cannot see a missing field (they take the token from any form of the page, such as the layout's
/// sign-out form), but a browser posting such a form gets 400: this happened to the holdings import and the decision
/// review before the investor browser test found it.
/// </summary>
public sealed partial class FormAntiforgeryTests
{
    private static readonly string FeaturesRoot = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/Rightscope/Features"));

    [Fact]
    public void Every_post_form_with_an_explicit_action_carries_an_antiforgery_field()
    {
        var views = Directory.EnumerateFiles(FeaturesRoot, "*.cshtml", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(views);
        var missing = new List<string>();
        var postForms = 0;
        foreach (var file in views)
        {
            var text = File.ReadAllText(file);
            foreach (Match form in FormElement().Matches(text))
            {
                var tag = form.Groups["tag"].Value;
                if (!PostMethod().IsMatch(tag))
                {
                    continue;
                }

                postForms++;
                var tagHelperAddsIt = !ActionAttribute().IsMatch(tag) && !tag.Contains("asp-antiforgery=\"false\"", StringComparison.Ordinal);
                if (tagHelperAddsIt
                    || tag.Contains("asp-antiforgery=\"true\"", StringComparison.Ordinal)
                    || form.Groups["body"].Value.Contains("@Html.AntiForgeryToken()", StringComparison.Ordinal))
                {
                    continue;
                }

                var line = text[..form.Index].Count(c => c == '\n') + 1;
                missing.Add($"{Path.GetRelativePath(FeaturesRoot, file)}:{line}: {tag}");
            }
        }

        Assert.True(postForms > 10, $"only {postForms} POST forms found: is the pattern still matching the views?");
        Assert.True(missing.Count == 0, "POST forms without an anti-forgery field:\n" + string.Join("\n", missing));
    }

    /// <summary>An opening form tag (attribute values may hold Razor expressions with quotes in pairs) and its body.</summary>
    [GeneratedRegex("(?<tag><form\\b(?:[^>\"]|\"[^\"]*\")*>)(?<body>.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormElement();

    [GeneratedRegex("\\smethod=\"post\"", RegexOptions.IgnoreCase)]
    private static partial Regex PostMethod();

    [GeneratedRegex("\\saction=\"", RegexOptions.IgnoreCase)]
    private static partial Regex ActionAttribute();
}
