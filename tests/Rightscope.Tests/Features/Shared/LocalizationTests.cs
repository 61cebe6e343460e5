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

    [GeneratedRegex(@"IStringLocalizer<(?:[\w.]+\.)?(\w+)>\s+(\w+)")]
    private static partial Regex LocalizerDeclaration();

    [GeneratedRegex(@"ErrorMessage = ""([A-Za-z][A-Za-z0-9.-]+)""")]
    private static partial Regex DataAnnotationKey();

    /// <summary>
    /// Every literal key looked up through a localizer (<c>T["…"]</c> in views, an injected
    /// <c>IStringLocalizer&lt;X&gt; name</c> in code) and every DataAnnotations message key exists in the resource of that localizer.
    /// </summary>
    [Fact]
    public void Every_literal_text_key_used_in_pages_and_code_exists_in_its_resource()
    {
        var resources = Directory.EnumerateFiles(SourceRoot, "*.resx", SearchOption.AllDirectories)
            .Where(f => !f.Contains(".zh-Hans.", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f), f => Read(f).Keys.ToHashSet(StringComparer.Ordinal));
        var missing = new List<string>();
        var checkedKeys = 0;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(SourceRoot, "Features"), "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal)))
        {
            var source = File.ReadAllText(file);
            var localizers = new Dictionary<string, string>(StringComparer.Ordinal);
            if (file.EndsWith(".cshtml", StringComparison.Ordinal))
            {
                localizers["T"] = "SharedText"; // injected by _ViewImports.cshtml
            }

            foreach (Match declaration in LocalizerDeclaration().Matches(source))
            {
                localizers[declaration.Groups[2].Value] = declaration.Groups[1].Value;
            }

            var uses = localizers.SelectMany(l => Regex.Matches(source, $@"\b{Regex.Escape(l.Key)}\[""([A-Za-z][A-Za-z0-9.-]+)""[\],]").Select(m => (Resource: l.Value, Key: m.Groups[1].Value)))
                .Concat(DataAnnotationKey().Matches(source).Select(m => (Resource: "SharedText", Key: m.Groups[1].Value)));
            foreach (var (resource, key) in uses)
            {
                checkedKeys++;
                if (!resources.TryGetValue(resource, out var keys) || !keys.Contains(key))
                {
                    missing.Add($"{Path.GetRelativePath(SourceRoot, file)}: {resource}[{key}]");
                }
            }
        }

        Assert.Empty(missing);
        Assert.True(checkedKeys > 50, $"only {checkedKeys} keys were found; the scan is broken");
    }
}
