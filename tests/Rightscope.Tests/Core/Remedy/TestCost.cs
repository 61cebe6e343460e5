using Rightscope.Core.Remedy;

namespace Rightscope.Tests.Core.Remedy;

internal static class TestCost
{
    /// <summary>Deliberately tiny and marked reduced: keeps the suite fast. Never a production cost.</summary>
    public static readonly KeyDerivationCost Cheap = KeyDerivationCost.Reduced(memoryKiB: 256, passes: 1);

    public static byte[] Flip(byte[] data, int index, byte mask)
    {
        var copy = (byte[])data.Clone();
        copy[index] ^= mask == 0 ? (byte)1 : mask;
        return copy;
    }

    public static bool Throws(Action action)
    {
        try
        {
            action();
            return false;
        }
        catch (CryptoOpenException)
        {
            return true;
        }
    }
}
