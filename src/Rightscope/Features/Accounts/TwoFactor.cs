using System.Globalization;
using System.Text;
using QRCoder;

namespace Rightscope.Features.Accounts;

/// <summary>Authenticator-app (TOTP) details shared by the two-factor pages: input normalization, key display, QR code.</summary>
public static class TwoFactor
{
    public const int RecoveryCodeCount = 10;

    /// <summary>Identity keeps the authenticator key and recovery codes as tokens of its own store under these names.</summary>
    public const string InternalLoginProvider = "[AspNetUserStore]";
    public const string RecoveryCodesTokenName = "RecoveryCodes";

    private const string Issuer = "Rightscope";

    /// <summary>The six digits of an authenticator code, ignoring spaces and hyphens that apps show for readability; null when malformed.</summary>
    public static string? NormalizeAuthenticatorCode(string? input)
    {
        var code = Strip(input).Replace("-", "", StringComparison.Ordinal);
        return code.Length == 6 && code.All(char.IsAsciiDigit) ? code : null;
    }

    /// <summary>
    /// A recovery code in Identity's stored form (<c>XXXXX-XXXXX</c>, upper case), accepting lower case, spaces
    /// and a missing hyphen; null when it cannot be one.
    /// </summary>
    public static string? NormalizeRecoveryCode(string? input)
    {
        var code = Strip(input).ToUpperInvariant();
        if (code.Length == 10 && code.All(char.IsAsciiLetterOrDigit))
        {
            return code[..5] + "-" + code[5..];
        }

        return code.Length == 11 && code[5] == '-' && code.Remove(5, 1).All(char.IsAsciiLetterOrDigit) ? code : null;
    }

    /// <summary>The key in blocks of four, the way people copy it into an app by hand.</summary>
    public static string FormatKey(string key)
    {
        var formatted = new StringBuilder(key.Length + (key.Length / 4));
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0)
            {
                formatted.Append(' ');
            }

            formatted.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }

        return formatted.ToString();
    }

    public static string AuthenticatorUri(string email, string key) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(email)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6");

    /// <summary>The QR code as inline SVG markup: no image request, no script, nothing a strict CSP blocks.</summary>
    public static string QrCodeSvg(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        using var svg = new SvgQRCode(data);
        return svg.GetGraphic(4, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }

    private static string Strip(string? input) =>
        new((input ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
}
