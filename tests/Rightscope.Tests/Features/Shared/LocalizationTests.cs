using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Rightscope.Tests.Features.Shared;

/// <summary>Both languages are complete: every resource key exists, non-empty, in en and zh-Hans.</summary>
public sealed partial class LocalizationTests
{
    private static readonly string SourceRoot = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/Rightscope"));

    public static TheoryData<string> ResourceFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(SourceRoot, "*.resx", SearchOption.AllDirectories)
                     .Where(f => !Path.GetFileName(f).Contains(".zh-Hans.", StringComparison.Ordinal))
                     .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal)))
        {
            data.Add(Path.GetRelativePath(SourceRoot, file));
        }

        return data;
    }

    private static Dictionary<string, string> Read(string path) =>
        XDocument.Load(path).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    [Fact]
    public void Resource_files_exist() => Assert.NotEmpty(ResourceFiles());

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void Every_key_exists_in_english_and_chinese_with_text(string neutralFile)
    {
        var english = Read(Path.Combine(SourceRoot, neutralFile));
        var chinesePath = Path.Combine(SourceRoot, neutralFile.Replace(".resx", ".zh-Hans.resx", StringComparison.Ordinal));
        Assert.True(File.Exists(chinesePath), $"{neutralFile} has no zh-Hans translation file");
        var chinese = Read(chinesePath);

        Assert.Empty(english.Keys.Except(chinese.Keys).Select(k => $"{k} is missing in zh-Hans"));
        Assert.Empty(chinese.Keys.Except(english.Keys).Select(k => $"{k} is missing in en"));
        Assert.Empty(english.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => $"{e.Key} is empty in en"));
        Assert.Empty(chinese.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => $"{e.Key} is empty in zh-Hans"));
        // Placeholders must match, or a translation would throw or drop a value at run time.
        Assert.Empty(english.Where(e => Placeholders(e.Value) != Placeholders(chinese[e.Key])).Select(e => $"{e.Key} has different placeholders"));
    }

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    private static string Placeholders(string text) => string.Join(",", Placeholder().Matches(text).Select(m => m.Value).Order());

    [GeneratedRegex(@"(?:\bT|\btext)\[""([A-Za-z][A-Za-z0-9.-]+)""[\],]|ErrorMessage = ""([A-Za-z][A-Za-z0-9.-]+)""")]
    private static partial Regex SharedKeyUse();

    [Fact]
    public void Every_shared_text_key_used_in_pages_and_code_exists()
    {
        var shared = Read(Path.Combine(SourceRoot, "Features/Shared/SharedText.resx"));
        var missing = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(SourceRoot, "Features"), "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal)))
        {
            var source = File.ReadAllText(file);
            // Only files that use SharedText through T (views) or `text` (page models injecting IStringLocalizer<SharedText>).
            var usesSharedText = file.EndsWith(".cshtml", StringComparison.Ordinal) || source.Contains("IStringLocalizer<SharedText> text", StringComparison.Ordinal) || source.Contains("ErrorMessage = ", StringComparison.Ordinal);
            if (!usesSharedText)
            {
                continue;
            }

            foreach (Match match in SharedKeyUse().Matches(source))
            {
                var key = match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value;
                if (!shared.ContainsKey(key))
                {
                    missing.Add($"{Path.GetRelativePath(SourceRoot, file)}: {key}");
                }
            }
        }

        Assert.Empty(missing);
    }
}
