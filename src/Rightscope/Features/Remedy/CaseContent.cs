using System.Text;
using Rightscope.Core.Remedy;

namespace Rightscope.Features.Remedy;

/// <summary>
/// Free text of a case (notes, referral details, remedy descriptions, check-in notes) encrypted under the case key,
/// padded to 256-byte blocks like messages, so the stored length tells little about what was written.
/// </summary>
public static class CaseContent
{
    public static byte[] Seal(CaseKey key, string purpose, string text)
    {
        var trimmed = text.Trim();
        var bytes = Encoding.UTF8.GetByteCount(trimmed);
        return CaseCipher.EncryptText(key, purpose, trimmed + new string(' ', (bytes / 256 + 1) * 256 - bytes));
    }

    public static string Open(CaseKey key, string purpose, byte[] sealedText) => CaseCipher.DecryptText(key, purpose, sealedText).TrimEnd();
}
