using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Rightscope.Core.Companies;

/// <summary>Company names compared for matching a holding to the registry when it has no identifier.</summary>
public static class CompanyName
{
    // Legal forms (and "group", the counterpart of 集团) removed from the end of a name, one word at a time, after
    // dots are dropped, so "S.p.A." is "spa" and "Co., Ltd." is "co" "ltd". Words, not substrings: "Coca" keeps "co".
    private static readonly FrozenSet<string> LegalForms = new[]
    {
        "inc", "incorporated", "ltd", "limited", "llc", "llp", "lp", "plc", "corp", "corporation", "co", "company",
        "ag", "sa", "nv", "bv", "spa", "srl", "sarl", "sas", "gmbh", "kg", "kgaa", "se", "ab", "asa", "as", "oyj",
        "pty", "pte", "bhd", "tbk", "ltda", "pjsc", "jsc", "kk", "group",
    }.ToFrozenSet(StringComparer.Ordinal);

    // The same forms when a name writes them with spaces between their letters ("S. A.", "N. V.").
    private static readonly string[][] SpacedLegalForms = [["s", "p", "a"], ["s", "a"], ["n", "v"], ["b", "v"], ["s", "e"]];

    // Chinese legal forms are suffixes of the last word (Chinese has no spaces); longest first.
    private static readonly string[] ChineseLegalForms =
        ["股份有限公司", "有限责任公司", "有限責任公司", "有限公司", "股份公司", "集团", "集團", "公司"];

    /// <summary>
    /// The key two names must share to be taken for the same company: NFKC (full-width letters, digits and
    /// punctuation become ASCII), lower case (ß as ss), Latin diacritics removed (é → e), dots and apostrophes dropped
    /// (N.V. → nv, McDonald's → mcdonalds), "&amp;" read as "and", every other punctuation or symbol a space, a leading
    /// "the" removed, then trailing legal forms removed repeatedly — Inc, Ltd, LLC, PLC, AG, SA, N.V., S.p.A., GmbH,
    /// Co., Corp, Group…, and 股份有限公司, 有限公司, 集团, 公司 — but never the only word left. Words are joined by
    /// one space.
    /// </summary>
    public static string Normalize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return string.Empty;
        }

        var folded = TextInput.UnicodeText.Normalize(name, NormalizationForm.FormKC).ToLowerInvariant().Replace("ß", "ss", StringComparison.Ordinal);
        var decomposed = folded.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (c is >= '\u0300' and <= '\u036F' || c is '.' or '\'' or '’' or '‘')
            {
                continue;
            }

            if (c == '&')
            {
                builder.Append(" and ");
                continue;
            }

            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            var separator = char.IsWhiteSpace(c) || category is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
                or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
                or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation or UnicodeCategory.MathSymbol
                or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol
                or UnicodeCategory.Control or UnicodeCategory.Format;
            builder.Append(separator ? ' ' : c);
        }

        var words = builder.ToString().Normalize(NormalizationForm.FormC)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 1 && words[0] == "the")
        {
            words.RemoveAt(0);
        }

        while (words.Count > 0 && StripLegalForm(words))
        {
        }

        return string.Join(' ', words);
    }

    private static bool StripLegalForm(List<string> words)
    {
        var last = words[^1];
        if (words.Count > 1 && LegalForms.Contains(last))
        {
            words.RemoveAt(words.Count - 1);
            return true;
        }

        foreach (var spaced in SpacedLegalForms)
        {
            if (words.Count > spaced.Length && words.TakeLast(spaced.Length).SequenceEqual(spaced))
            {
                words.RemoveRange(words.Count - spaced.Length, spaced.Length);
                return true;
            }
        }

        foreach (var form in ChineseLegalForms)
        {
            if (last.EndsWith(form, StringComparison.Ordinal))
            {
                if (last.Length > form.Length)
                {
                    words[^1] = last[..^form.Length];
                    return true;
                }

                if (words.Count > 1)
                {
                    words.RemoveAt(words.Count - 1);
                    return true;
                }
            }
        }

        return false;
    }
}
