using System.Text;

namespace Rightscope.Core.TextInput;

/// <summary>Unicode normalization of text read from files, which may hold anything a damaged file can.</summary>
public static class UnicodeText
{
    /// <summary>
    /// <paramref name="text"/> in <paramref name="form"/>. <see cref="string.Normalize(NormalizationForm)"/> throws on a
    /// lone surrogate (half of a UTF-16 character) and on the noncharacters U+FFFE and U+FFFF, which a damaged or
    /// misdetected file produces: those become U+FFFD first, so a file's text is normalized, never an exception.
    /// </summary>
    public static string Normalize(string text, NormalizationForm form)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Ascii.IsValid(text))
        {
            return text;
        }

        var cleaned = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)).Replace('\uFFFE', '\uFFFD').Replace('\uFFFF', '\uFFFD');
        try
        {
            return cleaned.Normalize(form);
        }
        catch (ArgumentException)
        {
            // Any other code point the platform's normalizer refuses: the text as it is; the caller's checks report it.
            return cleaned;
        }
    }
}
