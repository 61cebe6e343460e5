using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Rightscope.Core.Remedy;

namespace Rightscope.Tests.Core.Remedy;

public sealed class KeyDerivationCostTests
{
    [Fact]
    public void Default_is_64_MiB_3_passes_1_lane_and_production_grade()
    {
        var cost = KeyDerivationCost.Default;
        Assert.Equal((65536, 3, 1, false), (cost.MemoryKiB, cost.Passes, cost.Parallelism, cost.IsReduced));
        Assert.Same(cost, cost.RequireProductionGrade());
        Assert.Equal("argon2id;m=65536;t=3;p=1", cost.ToDescriptor());
    }

    [Fact]
    public void The_receipt_default_is_32_MiB_2_passes_and_production_grade()
    {
        var cost = KeyDerivationCost.ReceiptDefault;
        Assert.Same(cost, cost.RequireProductionGrade());
        Assert.Equal("argon2id;m=32768;t=2;p=1", cost.ToDescriptor());
    }

    [Property(MaxTest = 200)]
    public Property Descriptor_round_trips(PositiveInt memory, PositiveInt passes, bool reduced)
    {
        var m = KeyDerivationCost.AbsoluteMinimumMemoryKiB + (memory.Get % KeyDerivationCost.MaximumMemoryKiB);
        m = Math.Min(m, KeyDerivationCost.MaximumMemoryKiB);
        var t = 1 + (passes.Get % KeyDerivationCost.MaximumPasses);
        var production = m >= KeyDerivationCost.ProductionMinimum.MemoryKiB && t >= KeyDerivationCost.ProductionMinimum.Passes;
        var cost = reduced || !production ? KeyDerivationCost.Reduced(m, t) : KeyDerivationCost.Create(m, t);

        var parsed = KeyDerivationCost.Parse(cost.ToDescriptor());
        return (parsed == cost && parsed.IsReduced == cost.IsReduced).Label(cost.ToDescriptor());
    }

    [Fact]
    public void Production_refuses_a_reduced_cost()
    {
        Assert.Throws<InvalidOperationException>(() => TestCost.Cheap.RequireProductionGrade());
        Assert.Throws<InvalidOperationException>(() => KeyDerivationCost.FromSettings(1024, 1, 1, reduced: true, production: true));
        Assert.True(KeyDerivationCost.FromSettings(1024, 1, 1, reduced: true, production: false).IsReduced);
        Assert.False(KeyDerivationCost.FromSettings(65536, 3, 1, reduced: false, production: true).IsReduced);
    }

    [Fact]
    public void A_weak_cost_exists_only_when_marked_reduced()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => KeyDerivationCost.Create(1024, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => KeyDerivationCost.Create(65536, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => KeyDerivationCost.FromSettings(1024, 1, 1, reduced: false, production: false));
        Assert.False(KeyDerivationCost.TryParse("argon2id;m=1024;t=1;p=1", out _));
        Assert.True(KeyDerivationCost.TryParse("argon2id;m=1024;t=1;p=1;reduced", out var reduced) && reduced.IsReduced);
    }

    [Theory]
    [InlineData("")]
    [InlineData("argon2i;m=65536;t=3;p=1")]
    [InlineData("argon2id;m=65536;t=3")]
    [InlineData("argon2id;m=65536;t=3;p=2")]
    [InlineData("argon2id;m=99999999;t=3;p=1")]
    [InlineData("argon2id;m=65536;t=33;p=1")]
    [InlineData("argon2id;m=+65536;t=3;p=1")]
    [InlineData("argon2id;m=65536;t=3;p=1;fast")]
    public void Parse_rejects_malformed_or_out_of_range_descriptors(string descriptor) =>
        Assert.False(KeyDerivationCost.TryParse(descriptor, out _));

    [Fact]
    public void Parallelism_other_than_one_is_refused_because_libsodium_runs_one_lane() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => KeyDerivationCost.Create(65536, 3, 2));
}
