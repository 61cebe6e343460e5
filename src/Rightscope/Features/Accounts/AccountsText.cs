namespace Rightscope.Features.Accounts;

/// <summary>Resource marker for the account pages: two-factor sign-in, recovery codes, password and security.</summary>
public sealed class AccountsText;
