using System.Security.Cryptography;

namespace Rightscope.Core.Remedy;

/// <summary>
/// Something sealed could not be opened. The message is the same whatever failed — a wrong key, receipt, password
/// or recovery key, a changed byte, a blob from another case or purpose, an unknown format — so that neither a page
/// nor a log tells an attacker which guess came closer.
/// </summary>
public sealed class CryptoOpenException() : CryptographicException(
    "The data could not be opened: the key, receipt or password is wrong, or the data was changed.");
