namespace Rightscope.Core.HumanRightsReports;

/// <summary>A text in both product languages; <see cref="In"/> picks one by language code (<c>en</c> or <c>zh-Hans</c>).</summary>
public sealed record Bilingual(string En, string Zh)
{
    public const string English = "en";

    public const string Chinese = "zh-Hans";

    /// <summary>The same text in both languages: a number, a code, or a name written once by the organization.</summary>
    public static Bilingual Same(string text) => new(text, text);

    public string In(string language) => IsChinese(language) ? Zh : En;

    public static bool IsChinese(string? language) => language is not null && language.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    /// <summary>The language code for a query value: <c>zh-Hans</c> for any Chinese code, otherwise <c>en</c>.</summary>
    public static string Normalize(string? language) => IsChinese(language) ? Chinese : English;
}
