using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Rightscope.Features.Shared;

namespace Rightscope.Features.Accounts;

/// <summary>Identity's validation messages in the user's language.</summary>
public sealed class LocalizedIdentityErrors(IStringLocalizer<SharedText> text) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError));

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch));

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken));

    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed));

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail));

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidEmail));

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail));

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateEmail));

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), length);

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), uniqueChars);

    public override IdentityError UserLockoutNotEnabled() => Error(nameof(DefaultError));

    private IdentityError Error(string code, params object[] arguments) =>
        new() { Code = code, Description = text[$"Identity.{code}", arguments] };
}
