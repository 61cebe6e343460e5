using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rightscope.Core.Accounts;
using Rightscope.Data;
using Rightscope.Demo;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Features.Demo;

public sealed partial class DemoTests
{
    [GeneratedRegex(@"^\s+(\S+)\s+(\S+)\s+(\S+@\S+)\s+([a-z0-9-]{29})\s*$", RegexOptions.Multiline)]
    private static partial Regex CredentialLine();

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Serve_demo_creates_three_organizations_with_every_role_and_printed_passwords_work(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider, demo: true);

        var credentials = CredentialLine().Matches(app.ConsoleOutput).Select(m => (Org: m.Groups[1].Value, Role: m.Groups[2].Value, Email: m.Groups[3].Value, Password: m.Groups[4].Value)).ToList();
        Assert.Equal(DemoSeeder.Organizations.Count * Roles.All.Count, credentials.Count);
        Assert.Equal(["demo-civil-society", "demo-company", "demo-investor"], credentials.Select(c => c.Org).Distinct().Order());
        Assert.DoesNotContain("setup token", app.ConsoleOutput, StringComparison.Ordinal);

        var analyst = credentials.Single(c => c.Org == "demo-investor" && c.Role == "analyst");
        var client = await app.SignInAsync(analyst.Email, analyst.Password);
        var overview = await client.GetAsync("/o/demo-investor");
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        Assert.Contains("Demo Investor (fictional)", await overview.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Running --demo again keeps the data and says how to get back in.
        await using var again = app.Restart(demo: true);
        Assert.Contains("exist already", again.ConsoleOutput, StringComparison.Ordinal);
        Assert.Contains("admin reset-password", again.ConsoleOutput, StringComparison.Ordinal);
        await using var scope = again.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RightscopeDbContext>();
        Assert.Equal(3, await db.Organizations.CountAsync());
        Assert.Equal(15, await db.Users.CountAsync());
    }
}
