using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Rightscope.Core.Accounts;
using Rightscope.Core.Assessments;
using Rightscope.Core.Organizations;
using Rightscope.Data;
using Rightscope.Features.Accounts;
using Rightscope.Features.Assessments;
using Rightscope.Features.Audit;
using Rightscope.Features.Companies;
using Rightscope.Features.Methodologies;
using Rightscope.Features.Organizations;
using Rightscope.Hosting;
using SubjectKind = Rightscope.Core.Methodologies.SubjectKind;

[assembly: AssemblyFixture(typeof(Rightscope.BrowserTests.Infrastructure.BrowserFixture))]

namespace Rightscope.BrowserTests.Infrastructure;

/// <summary>
/// The real application on Kestrel at a free local port (a browser cannot reach the in-memory test server), over a
/// fresh SQLite database, plus one headless Chromium shared by the tests.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string Password = "correct horse battery staple";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "rightscope-browser-tests", Guid.NewGuid().ToString("N"));
    private readonly StringWriter _console = new();
    private WebApplication? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseUrl { get; private set; } = null!;

    public static bool RequireAll => Environment.GetEnvironmentVariable("RIGHTSCOPE_REQUIRE_ALL") == "1";

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            // Tests skip (or fail under RIGHTSCOPE_REQUIRE_ALL) through RequireBrowser; no server is needed.
            return;
        }

        Directory.CreateDirectory(_dataDirectory);
        _app = RightscopeWebApp.Build(
            [
                "--DATA_DIR=" + _dataDirectory,
                "--Rightscope:AuditKey=" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                "--Rightscope:EncryptionKey=" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                "--environment=Testing",
                // Remedy's Argon2id at a reduced cost (allowed only in Testing), as in the HTTP tests: receipts and
                // case-key unlocks take milliseconds instead of about 100 ms each.
                "--Remedy:KeyDerivation:MemoryKiB=64",
                "--Remedy:KeyDerivation:Passes=1",
                "--Remedy:KeyDerivation:Reduced=true",
                // The pages are compiled into the app's assembly; without this the host would look for them in the test runner.
                "--applicationName=" + typeof(RightscopeWebApp).Assembly.GetName().Name,
            ],
            new ServeOptions(Demo: false),
            new OperatorConsole(_console),
            "http://127.0.0.1:0");
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = new Uri(address);

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>The shared browser; skips the test with the reason when Chromium is not installed (fails under RIGHTSCOPE_REQUIRE_ALL=1).</summary>
    public IBrowser RequireBrowser()
    {
        if (_browser is not null)
        {
            return _browser;
        }

        var reason = $"Chromium is not installed at {ChromiumPath} (apt-get install chromium fonts-noto-cjk)";
        if (RequireAll)
        {
            Assert.Fail($"{reason} (RIGHTSCOPE_REQUIRE_ALL=1 forbids skipping)");
        }

        Assert.Skip(reason);
        return null!;
    }

    /// <summary>A new context whose relative URLs go to the test server.</summary>
    public async Task<IBrowserContext> NewContextAsync(bool javaScript)
    {
        var context = await RequireBrowser().NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl.ToString(),
            JavaScriptEnabled = javaScript,
            Locale = "en-GB",
            // Only for axe, which runs as injected script; pages under test keep their CSP otherwise.
            BypassCSP = javaScript,
        });

        // Playwright's 30 s was exceeded by a page load in CI while both test suites shared two cores; a wait that
        // long is load, not the behaviour under test, so allow twice that before failing.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return context;
    }

    /// <summary>A new organization (an investor unless <paramref name="kind"/> says otherwise) with an owner who signs in with <see cref="Password"/>.</summary>
    public async Task<(string Slug, string Email)> CreateOwnerAsync(OrganizationKind kind = OrganizationKind.Investor)
    {
        RequireBrowser();
        var id = Guid.NewGuid().ToString("N")[..10];
        var email = $"owner-{id}@example.org";
        await using var scope = _app!.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<OrganizationProvisioner>().CreateOwnerAsync(
            new NewOrganization($"org-{id}", "Browser test organization", kind),
            new NewOwner(email, "Browser test owner", Password),
            AuditActor.System,
            allowExistingOrganization: false);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        return ($"org-{id}", email);
    }

    /// <summary>A new account with <paramref name="role"/> in the organization <paramref name="slug"/>; signs in with <see cref="Password"/>.</summary>
    public async Task<string> AddMemberAsync(string slug, Role role)
    {
        RequireBrowser();
        var email = $"{role.ToCode()}-{Guid.NewGuid().ToString("N")[..10]}@example.org";
        await using var scope = _app!.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var db = scope.ServiceProvider.GetRequiredService<RightscopeDbContext>();
        var organization = await db.Organizations.SingleAsync(o => o.Slug == slug);
        var user = new User { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"Browser test {role.ToCode()}", CreatedAt = DateTime.UtcNow };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        db.Memberships.Add(new Membership { OrganizationId = organization.Id, UserId = user.Id, Role = role, CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
        return email;
    }

    /// <summary>
    /// A registry company of <paramref name="slug"/> with an approved assessment of <paramref name="tier"/> linked to it,
    /// stored straight in the database as the HTTP tests' seeding does: completing and approving an assessment through
    /// the pages is what <c>AssessmentBrowserTests</c> covers, and would only lengthen tests that start after it.
    /// </summary>
    public async Task<Guid> SeedAssessedCompanyAsync(string slug, string name, string isin, int tier)
    {
        RequireBrowser();
        await using var scope = _app!.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RightscopeDbContext>();
        var methodology = scope.ServiceProvider.GetRequiredService<MethodologyRegistry>().Shipped.Find("surveillance-investor")!;
        var organization = await db.Organizations.SingleAsync(o => o.Slug == slug);
        var now = DateTime.UtcNow;
        var company = new Company { OrganizationId = organization.Id, NameEn = name, Isin = isin, Country = "CH", ExposureType = 1, Fictional = true, CreatedAt = now, UpdatedAt = now };
        CompanyCommands.SetNormalizedNames(company);
        db.AddRange(company, new Assessment
        {
            OrganizationId = organization.Id,
            SubjectKind = SubjectKind.Company,
            SubjectName = name,
            CompanyId = company.Id,
            MethodologyKey = methodology.Key,
            MethodologyVersion = methodology.Version,
            Status = AssessmentStatus.Approved,
            ApprovedAt = now,
            Tier = tier,
            CreatedAt = now,
            UpdatedAt = now,
        });
        await db.SaveChangesAsync();
        return company.Id;
    }

    /// <summary>The demo benchmark (two published editions of eight fictional companies) for a civil society organization.</summary>
    public async Task SeedPublishedBenchmarkAsync(string slug)
    {
        RequireBrowser();
        await using var scope = _app!.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RightscopeDbContext>();
        var organization = await db.Organizations.SingleAsync(o => o.Slug == slug);
        Rightscope.Demo.DemoBenchmark.Add(db, scope.ServiceProvider.GetRequiredService<MethodologyRegistry>().Shipped, organization, Guid.NewGuid(), Guid.NewGuid(), DateTime.UtcNow);
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        try
        {
            if (Directory.Exists(_dataDirectory))
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A SQLite handle may still be closing; the temp directory is cleaned by the OS eventually.
        }
    }
}
