using System.Net;
using System.Text.RegularExpressions;
using OtpNet;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Features.Accounts;

/// <summary>What a person does on the account pages, step by step, through the HTML forms.</summary>
internal static partial class AccountSteps
{
    [GeneratedRegex("data-testid=\"authenticator-key\">([A-Z2-7 ]+)</code>")]
    private static partial Regex KeyOnPage();

    [GeneratedRegex("<li><code>([A-Z0-9]{5}-[A-Z0-9]{5})</code></li>")]
    private static partial Regex RecoveryCodeOnPage();

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> LastStepByKey = new();

    /// <summary>
    /// The next code of the authenticator app. Codes work once, so each call gives the code of a later 30-second step
    /// than the previous call for the same key (the server accepts up to two steps ahead of its clock).
    /// </summary>
    public static string Totp(string key)
    {
        var current = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
        var step = LastStepByKey.AddOrUpdate(key, current, (_, last) => Math.Max(last + 1, current));
        return new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UnixEpoch.AddSeconds(step * 30));
    }

    /// <summary>The code the app shows right now, without moving on as <see cref="Totp"/> does.</summary>
    public static string CurrentTotp(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();

    public static string WrongTotp(string key)
    {
        var right = CurrentTotp(key);
        return ((int.Parse(right, System.Globalization.CultureInfo.InvariantCulture) + 500_000) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<string> ReadKeyAsync(HttpClient client)
    {
        var page = await client.GetAsync("/account/two-factor/enable");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        var match = KeyOnPage().Match(html);
        Assert.True(match.Success, "the enable page shows no authenticator key");
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        return match.Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
    }

    public static IReadOnlyList<string> RecoveryCodes(string html) =>
        RecoveryCodeOnPage().Matches(html).Select(m => m.Groups[1].Value).ToList();

    /// <summary>Turns two-factor on for the signed-in client; returns the key and the recovery codes shown once.</summary>
    public static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnableTwoFactorAsync(HttpClient client)
    {
        var key = await ReadKeyAsync(client);
        var response = await Forms.PostAsync(client, "/account/two-factor/enable", new Dictionary<string, string> { ["Input.Code"] = Totp(key) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var codes = RecoveryCodes(await response.Content.ReadAsStringAsync());
        Assert.Equal(10, codes.Count);
        return (key, codes);
    }

    public static async Task SignOutAsync(HttpClient client)
    {
        var response = await Forms.PostAsync(client, "/account/security", new Dictionary<string, string>(), postUrl: "/account/sign-out");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account/security")).StatusCode);
    }

    public static Task<HttpResponseMessage> PostPasswordAsync(HttpClient client, string email, string password) =>
        Forms.PostAsync(client, "/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    /// <summary>The password step for an account with two-factor on; returns the second step's address.</summary>
    public static async Task<string> PasswordStepAsync(HttpClient client, string email, string password = TestData.Password)
    {
        var response = await PostPasswordAsync(client, email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/account/sign-in/two-factor", location, StringComparison.Ordinal);
        return location;
    }
}
