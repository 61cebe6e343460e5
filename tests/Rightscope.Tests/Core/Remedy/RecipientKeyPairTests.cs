using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Rightscope.Core.Remedy;

namespace Rightscope.Tests.Core.Remedy;

public sealed class RecipientKeyPairTests
{
    private const string Password = "a long handler password";

    [Fact]
    public void The_password_and_the_recovery_key_both_unwrap_the_same_key_pair()
    {
        var wrapped = RecipientKeyPair.Generate(Password, TestCost.Cheap, out var recoveryKey);
        using var _ = recoveryKey;
        var caseId = Guid.NewGuid();
        using var caseKey = CaseKey.Create(caseId);
        var envelope = SealedBox.Seal(caseKey, wrapped.PublicKey);

        using var byPassword = RecipientKeyPair.UnwrapWithPassword(wrapped, Password);
        using var typedRecoveryKey = RecoveryKey.Parse(recoveryKey.FormatForDisplay());
        using var byRecovery = RecipientKeyPair.UnwrapWithRecoveryKey(wrapped, typedRecoveryKey);

        Assert.Equal(wrapped.PublicKey, byPassword.PublicKey);
        Assert.Equal(wrapped.PublicKey, byRecovery.PublicKey);
        using var opened = SealedBox.Open(envelope, byRecovery, caseId);
        Assert.Equal(caseId, opened.CaseId);
    }

    [Property(MaxTest = 20)]
    public Property A_wrong_password_fails(NonEmptyString wrong)
    {
        var wrapped = RecipientKeyPair.Generate(Password, TestCost.Cheap, out var recoveryKey);
        recoveryKey.Dispose();
        return (wrong.Get == Password || TestCost.Throws(() => RecipientKeyPair.UnwrapWithPassword(wrapped, wrong.Get))).ToProperty();
    }

    [Fact]
    public void A_wrong_recovery_key_fails()
    {
        var wrapped = RecipientKeyPair.Generate(Password, TestCost.Cheap, out var recoveryKey);
        recoveryKey.Dispose();
        using var other = RecoveryKey.Generate();
        Assert.Throws<CryptoOpenException>(() => RecipientKeyPair.UnwrapWithRecoveryKey(wrapped, other));
    }

    [Fact]
    public void Changing_the_password_keeps_the_key_pair_and_the_recovery_key()
    {
        var wrapped = RecipientKeyPair.Generate(Password, TestCost.Cheap, out var recoveryKey);
        using var _ = recoveryKey;
        var caseId = Guid.NewGuid();
        using var caseKey = CaseKey.Create(caseId);
        var envelope = SealedBox.Seal(caseKey, wrapped.PublicKey);

        var changed = RecipientKeyPair.ChangePassword(wrapped, Password, "a brand new passphrase", TestCost.Cheap);

        Assert.Equal(wrapped.PublicKey, changed.PublicKey);
        Assert.Equal(wrapped.ByRecoveryKey, changed.ByRecoveryKey);
        Assert.Throws<CryptoOpenException>(() => RecipientKeyPair.UnwrapWithPassword(changed, Password));
        using var byNew = RecipientKeyPair.UnwrapWithPassword(changed, "a brand new passphrase");
        using var opened = SealedBox.Open(envelope, byNew, caseId);
        using var byRecovery = RecipientKeyPair.UnwrapWithRecoveryKey(changed, recoveryKey);
        Assert.Equal(wrapped.PublicKey, byRecovery.PublicKey);
        Assert.Throws<CryptoOpenException>(() => RecipientKeyPair.ChangePassword(wrapped, "not the password", "x", TestCost.Cheap));
    }

    [Fact]
    public void The_recovery_key_resets_a_forgotten_password_and_can_be_replaced()
    {
        var wrapped = RecipientKeyPair.Generate(Password, TestCost.Cheap, out var recoveryKey);
        using var _ = recoveryKey;

        var reset = RecipientKeyPair.ResetPassword(wrapped, recoveryKey, "remembered this time", TestCost.Cheap);
        using (var byReset = RecipientKeyPair.UnwrapWithPassword(reset, "remembered this time"))
        {
            Assert.Equal(wrapped.PublicKey, byReset.PublicKey);
        }

        var replaced = RecipientKeyPair.ReplaceRecoveryKey(reset, "remembered this time", out var newRecoveryKey);
        using var __ = newRecoveryKey;
        Assert.Throws<CryptoOpenException>(() => RecipientKeyPair.UnwrapWithRecoveryKey(replaced, recoveryKey));
        using var byNewRecovery = RecipientKeyPair.UnwrapWithRecoveryKey(replaced, newRecoveryKey);
        Assert.Equal(wrapped.PublicKey, byNewRecovery.PublicKey);
    }

    [Property(MaxTest = 100)]
    public Property Changing_any_byte_of_either_wrapping_fails(PositiveInt index, byte mask)
    {
        var wrapped = RecipientKeyPair.Generate(Password, TestCost.Cheap, out var recoveryKey);
        using var _ = recoveryKey;
        var byPassword = TestCost.Flip(wrapped.ByPassword, index.Get % wrapped.ByPassword.Length, mask);
        var byRecovery = TestCost.Flip(wrapped.ByRecoveryKey, index.Get % wrapped.ByRecoveryKey.Length, mask);
        return (TestCost.Throws(() => RecipientKeyPair.UnwrapWithPassword(wrapped with { ByPassword = byPassword }, Password))
                && TestCost.Throws(() => RecipientKeyPair.UnwrapWithRecoveryKey(wrapped with { ByRecoveryKey = byRecovery }, recoveryKey)))
            .ToProperty();
    }

    [Fact]
    public void A_wrapping_moved_to_another_public_key_fails()
    {
        var alice = RecipientKeyPair.Generate(Password, TestCost.Cheap, out var aliceRecovery);
        var bob = RecipientKeyPair.Generate(Password, TestCost.Cheap, out var bobRecovery);
        using var _ = aliceRecovery;
        using var __ = bobRecovery;

        Assert.Throws<CryptoOpenException>(() => RecipientKeyPair.UnwrapWithPassword(bob with { ByPassword = alice.ByPassword }, Password));
        Assert.Throws<CryptoOpenException>(() => RecipientKeyPair.UnwrapWithRecoveryKey(bob with { ByRecoveryKey = alice.ByRecoveryKey }, aliceRecovery));
    }

    [Fact]
    public void The_password_envelope_records_a_reduced_cost_and_a_public_key_round_trips_as_base64()
    {
        var wrapped = RecipientKeyPair.Generate(Password, TestCost.Cheap, out var recoveryKey);
        recoveryKey.Dispose();

        Assert.Equal(1, wrapped.ByPassword[13]); // flags byte of the cost: bit 0 = reduced (docs/remedy-crypto.md)
        Assert.Equal(wrapped.PublicKey, RecipientPublicKey.FromBase64(wrapped.PublicKey.ToBase64()));
        Assert.Equal(16, wrapped.PublicKey.Fingerprint.Length);
    }
}
