using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NSec.Cryptography;

namespace Rightscope.Core.Remedy;

/// <summary>
/// Argon2id cost: memory in KiB, passes and parallelism. Every envelope derived from a password or a receipt records
/// the cost it used, so the configured cost can change without losing old data. A cost below
/// <see cref="ProductionMinimum"/> exists only as an explicit <see cref="Reduced"/> cost, for demo data and tests, and
/// carries that flag into the stored data; <see cref="RequireProductionGrade"/> refuses it.
/// </summary>
public sealed record KeyDerivationCost
{
    /// <summary>libsodium's Argon2id runs one lane only.</summary>
    public const int SupportedParallelism = 1;

    /// <summary>Upper bounds, also applied to costs read from stored data so a forged envelope cannot exhaust memory.</summary>
    public const int MaximumMemoryKiB = 1024 * 1024;

    public const int MaximumPasses = 32;

    /// <summary>Smallest cost libsodium accepts; for <see cref="Reduced"/> costs only.</summary>
    public const int AbsoluteMinimumMemoryKiB = 8;

    private const string Prefix = "argon2id";
    private const string ReducedMarker = "reduced";

    private KeyDerivationCost(int memoryKiB, int passes, int parallelism, bool isReduced)
    {
        MemoryKiB = memoryKiB;
        Passes = passes;
        Parallelism = parallelism;
        IsReduced = isReduced;
    }

    /// <summary>64 MiB, 3 passes, 1 lane: about 100 ms per derivation on the 2-core development machine (BENCHMARKS.md).</summary>
    public static KeyDerivationCost Default { get; } = new(64 * 1024, 3, 1, false);

    /// <summary>
    /// 32 MiB, 2 passes, 1 lane: the default for receipts (about a third of <see cref="Default"/>). A receipt is 16
    /// random digits (53 bits from a CSPRNG), not a chosen password, so its strength against guessing comes from its
    /// entropy; a lighter derivation lets a 2-core server take a surge of reports (BENCHMARKS.md "Public submissions").
    /// </summary>
    public static KeyDerivationCost ReceiptDefault { get; } = new(32 * 1024, 2, 1, false);

    /// <summary>OWASP's smallest recommended Argon2id cost (19 MiB, 2 passes, 1 lane).</summary>
    public static KeyDerivationCost ProductionMinimum { get; } = new(19 * 1024, 2, 1, false);

    public int MemoryKiB { get; }

    public int Passes { get; }

    public int Parallelism { get; }

    /// <summary>True for a cost made with <see cref="Reduced"/>: demo data and tests only.</summary>
    public bool IsReduced { get; }

    /// <summary>A production-grade cost: at least <see cref="ProductionMinimum"/> in memory and passes.</summary>
    public static KeyDerivationCost Create(int memoryKiB, int passes, int parallelism = SupportedParallelism)
    {
        CheckBounds(memoryKiB, passes, parallelism);
        if (memoryKiB < ProductionMinimum.MemoryKiB || passes < ProductionMinimum.Passes)
        {
            throw new ArgumentOutOfRangeException(nameof(memoryKiB),
                $"An Argon2id cost below {ProductionMinimum.MemoryKiB} KiB and {ProductionMinimum.Passes} passes is only allowed as a reduced (demo) cost.");
        }

        return new KeyDerivationCost(memoryKiB, passes, parallelism, false);
    }

    /// <summary>A deliberately cheap cost for demo data and tests, marked as such in everything derived with it.</summary>
    public static KeyDerivationCost Reduced(int memoryKiB, int passes, int parallelism = SupportedParallelism)
    {
        CheckBounds(memoryKiB, passes, parallelism);
        return new KeyDerivationCost(memoryKiB, passes, parallelism, true);
    }

    /// <summary>The cost from configuration; a reduced cost is refused when <paramref name="production"/> is set.</summary>
    public static KeyDerivationCost FromSettings(int memoryKiB, int passes, int parallelism, bool reduced, bool production)
    {
        var cost = reduced ? Reduced(memoryKiB, passes, parallelism) : Create(memoryKiB, passes, parallelism);
        return production ? cost.RequireProductionGrade() : cost;
    }

    /// <summary>Throws when this is a reduced cost; call it where production configuration is read.</summary>
    public KeyDerivationCost RequireProductionGrade() =>
        IsReduced
            ? throw new InvalidOperationException(
                $"The key-derivation cost {ToDescriptor()} is a reduced (demo only) cost; production refuses it.")
            : this;

    /// <summary>A text form to store beside data or in configuration: <c>argon2id;m=65536;t=3;p=1</c>, plus <c>;reduced</c>.</summary>
    public string ToDescriptor() =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix};m={MemoryKiB};t={Passes};p={Parallelism}{(IsReduced ? ";" + ReducedMarker : "")}");

    public override string ToString() => ToDescriptor();

    public static KeyDerivationCost Parse(string descriptor) =>
        TryParse(descriptor, out var cost) ? cost : throw new FormatException($"'{descriptor}' is not an Argon2id cost descriptor (argon2id;m=KiB;t=passes;p=lanes[;reduced]).");

    public static bool TryParse(string? descriptor, [NotNullWhen(true)] out KeyDerivationCost? cost)
    {
        cost = null;
        var parts = (descriptor ?? "").Split(';');
        if (parts.Length is not (4 or 5) || parts[0] != Prefix
            || !TryField(parts[1], "m=", out var memory) || !TryField(parts[2], "t=", out var passes) || !TryField(parts[3], "p=", out var parallelism))
        {
            return false;
        }

        var reduced = parts.Length == 5;
        if (reduced && parts[4] != ReducedMarker)
        {
            return false;
        }

        return TryCreate(memory, passes, parallelism, reduced, out cost);
    }

    internal Argon2Parameters ToParameters() =>
        new() { MemorySize = MemoryKiB, NumberOfPasses = Passes, DegreeOfParallelism = Parallelism };

    // Binary form inside envelopes: memory (u32 BE), passes (u32 BE), parallelism (u8), flags (u8, bit 0 = reduced).
    internal const int EncodedSize = 10;

    internal void Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination, (uint)MemoryKiB);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], (uint)Passes);
        destination[8] = (byte)Parallelism;
        destination[9] = IsReduced ? (byte)1 : (byte)0;
    }

    internal static KeyDerivationCost Read(ReadOnlySpan<byte> source)
    {
        var memory = BinaryPrimitives.ReadUInt32BigEndian(source);
        var passes = BinaryPrimitives.ReadUInt32BigEndian(source[4..]);
        if (memory > MaximumMemoryKiB || passes > MaximumPasses || source[9] > 1
            || !TryCreate((int)memory, (int)passes, source[8], source[9] == 1, out var cost))
        {
            throw new CryptoOpenException();
        }

        return cost;
    }

    private static bool TryCreate(long memoryKiB, long passes, long parallelism, bool reduced, [NotNullWhen(true)] out KeyDerivationCost? cost)
    {
        cost = null;
        if (memoryKiB is < AbsoluteMinimumMemoryKiB or > MaximumMemoryKiB || passes is < 1 or > MaximumPasses
            || parallelism != SupportedParallelism
            || (!reduced && (memoryKiB < ProductionMinimum.MemoryKiB || passes < ProductionMinimum.Passes)))
        {
            return false;
        }

        cost = new KeyDerivationCost((int)memoryKiB, (int)passes, (int)parallelism, reduced);
        return true;
    }

    private static bool TryField(string part, string name, out long value)
    {
        value = 0;
        return part.StartsWith(name, StringComparison.Ordinal)
            && part.Length - name.Length is > 0 and <= 9
            && part.AsSpan(name.Length).IndexOfAnyExceptInRange('0', '9') < 0
            && long.TryParse(part.AsSpan(name.Length), NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static void CheckBounds(int memoryKiB, int passes, int parallelism)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(memoryKiB, AbsoluteMinimumMemoryKiB);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(memoryKiB, MaximumMemoryKiB);
        ArgumentOutOfRangeException.ThrowIfLessThan(passes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(passes, MaximumPasses);
        if (parallelism != SupportedParallelism)
        {
            throw new ArgumentOutOfRangeException(nameof(parallelism), "libsodium's Argon2id supports parallelism 1 only.");
        }
    }
}
