using System.Security.Cryptography;
using System.Text;

namespace Rightscope.Features.Accounts;

/// <summary>
/// The one-time token that unlocks the first-run page (DESIGN §9.13). It lives only in this process's memory
/// and on the operator's console, and is spent when the first organization is created.
/// </summary>
public sealed class SetupToken
{
    private readonly Lock _gate = new();
    private byte[]? _token;

    public string Issue()
    {
        lock (_gate)
        {
            var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
            _token = Encoding.ASCII.GetBytes(token);
            return token;
        }
    }

    public bool IsIssued
    {
        get
        {
            lock (_gate)
            {
                return _token is not null;
            }
        }
    }

    public bool Matches(string? candidate)
    {
        lock (_gate)
        {
            if (_token is null || string.IsNullOrWhiteSpace(candidate))
            {
                return false;
            }

            var normalized = Encoding.ASCII.GetBytes(candidate.Trim().Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant());
            return CryptographicOperations.FixedTimeEquals(normalized, _token);
        }
    }

    public void Spend()
    {
        lock (_gate)
        {
            _token = null;
        }
    }
}
