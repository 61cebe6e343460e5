using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Rightscope.Core.Companies;

/// <summary>
/// An exchange ticker as the user's file writes it (AAPL, BRK.B, 0700 HK, 600519.SS). Tickers are not unique across
/// exchanges and have no check digit, so normalization is light: trimmed, full-width folded, upper-case, runs of
/// whitespace collapsed to one space; 1–32 letters, digits, spaces and <c>. - / : _ ^ =</c>.
/// </summary>
public readonly record struct Ticker
{
    public const int MaxLength = 32;

    private Ticker(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value ?? string.Empty;

    public static bool TryParse([NotNullWhen(true)] string? text, out Ticker ticker) => TryParse(text, out ticker, out _);

    public static bool TryParse([NotNullWhen(true)] string? text, out Ticker ticker, out IdentifierError error)
    {
        ticker = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = IdentifierError.Empty;
            return false;
        }

        var upper = IdentifierText.Normalize(text);
        var builder = new StringBuilder(upper.Length);
        var space = false;
        foreach (var c in upper)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (!(IdentifierText.IsUpperAlphanumeric(c) || c is '.' or '-' or '/' or ':' or '_' or '^' or '='))
            {
                error = IdentifierError.Characters;
                return false;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        if (builder.Length > MaxLength)
        {
            error = IdentifierError.Length;
            return false;
        }

        error = IdentifierError.None;
        ticker = new Ticker(builder.ToString());
        return true;
    }
}
