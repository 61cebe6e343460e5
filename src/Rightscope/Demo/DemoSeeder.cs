using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Core.Organizations;
using Rightscope.Data;
using Rightscope.Features.Accounts;
using Rightscope.Features.Assessments;
using Rightscope.Features.Audit;
using Rightscope.Features.Companies;
using Rightscope.Features.Methodologies;
using Rightscope.Features.Organizations;
using Rightscope.Hosting;

namespace Rightscope.Demo;

/// <summary>
/// <c>serve --demo</c>: three fictional organizations with a user in every role and approved assessments of
/// fictional subjects (<see cref="DemoAssessments"/>). Created once; later runs keep what exists. Passwords are random and printed to the operator's terminal only, never logged.
/// </summary>
public sealed class DemoSeeder(
    RightscopeDbContext db,
    UserManager<User> users,
    OrganizationProvisioner provisioner,
    MethodologyRegistry registry,
    AuditTrail audit,
    Features.Remedy.RemedySettings remedy,
    IServiceScopeFactory scopes,
    TimeProvider clock)
{
    public sealed record DemoOrganization(string Slug, string Name, OrganizationKind Kind);

    public static readonly IReadOnlyList<DemoOrganization> Organizations =
    [
        new("demo-investor", "Demo Investor (fictional) · 示例投资机构（虚构）", OrganizationKind.Investor),
        new("demo-company", "Demo Company (fictional) · 示例公司（虚构）", OrganizationKind.Company),
        new("demo-civil-society", "Demo Civil Society (fictional) · 示例民间社会组织（虚构）", OrganizationKind.CivilSociety),
    ];

    public static string EmailOf(string slug, Role role) => $"{role.ToCode()}@{slug}.example";

    public async Task SeedAsync(OperatorConsole console, CancellationToken cancellationToken)
    {
        var existing = await db.Organizations.Where(o => Organizations.Select(d => d.Slug).Contains(o.Slug))
            .Select(o => o.Slug).ToListAsync(cancellationToken);
        var created = new List<(string Email, string Organization, Role Role, string Password)>();

        foreach (var demo in Organizations.Where(d => !existing.Contains(d.Slug)))
        {
            var ownerPassword = NewPassword();
            var result = await provisioner.CreateOwnerAsync(
                new NewOrganization(demo.Slug, demo.Name, demo.Kind),
                new NewOwner(EmailOf(demo.Slug, Role.Owner), "Demo owner", ownerPassword),
                AuditActor.System,
                allowExistingOrganization: false,
                cancellationToken);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"The demo organization {demo.Slug} could not be created: {result.Errors[0].Field}: {result.Errors[0].Message}");
            }

            created.Add((EmailOf(demo.Slug, Role.Owner), demo.Slug, Role.Owner, ownerPassword));
            var organization = result.Organization!;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var members = new Dictionary<Role, Guid>();
            string? defenderIncidents = null;
            foreach (var role in Roles.All.Where(r => r != Role.Owner))
            {
                var password = NewPassword();
                var user = await CreateUserAsync(EmailOf(demo.Slug, role), $"Demo {role.ToCode()}", password);
                db.Memberships.Add(new Membership { OrganizationId = organization.Id, UserId = user.Id, Role = role, CreatedAt = Now });
                created.Add((user.Email!, demo.Slug, role, password));
                members[role] = user.Id;
                if (role == Role.CaseHandler && demo.Kind == OrganizationKind.Company)
                {
                    DemoChannel.Add(db, organization.Id, user.Id, password, remedy.ReceiptCost, Now);
                }

                if (role == Role.CaseHandler)
                {
                    defenderIncidents = DemoDefenderIncidents.Add(db, organization.Id, demo.Kind, user.Id, password, remedy.ReceiptCost, Now);
                }
            }

            // Written by the analyst, approved by the reviewer (four eyes).
            var assessments = DemoAssessments.Add(db, registry.Shipped, organization.Id, demo.Kind, members[Role.Analyst], members[Role.Reviewer], Now);
            var portfolio = DemoPortfolio.Add(db, organization.Id, demo.Kind, Now);
            CompanyAssessments.LinkByName(
                db.ChangeTracker.Entries<Assessment>().Select(e => e.Entity),
                [.. db.ChangeTracker.Entries<Company>().Select(e => e.Entity)]);
            var engagement = DemoEngagement.Add(db, registry.Shipped, organization.Id, demo.Kind, members[Role.Analyst], Now);
            DemoBenchmark.Add(db, registry.Shipped, organization, members[Role.Analyst], members[Role.Reviewer], Now);
            var decisions = DemoDecisions.Add(db, registry.Shipped, organization.Id, demo.Kind, members[Role.Analyst], members[Role.Reviewer], Now);
            // The due diligence cycle first: tracking, the human rights report read its salient issues from the change tracker.
            var dueDiligence = DemoHrdd.Add(db, organization.Id, demo.Kind, members, Now);
            _ = DemoHrddTracking.Add(db, organization.Id, demo.Kind, result.User!.Id, members[Role.Analyst], Now);
            var grievances = members.TryGetValue(Role.CaseHandler, out var handler)
                ? DemoGrievanceCases.Add(db, organization.Id, demo.Kind, handler, remedy.ReceiptCost, Now)
                : null;
            var transparency = DemoTransparency.Add(db, organization, members[Role.Analyst], Now);
            DemoHumanRightsReports.Add(db, registry, organization.Id, demo.Kind, demo.Name, members[Role.Analyst], members[Role.Reviewer], result.User!.Id, Now);
            var indicators = DemoIndicators.Add(db, organization.Id, demo.Kind, Now);
            var summary = "demo members added: analyst, reviewer, case-handler, viewer"
                + (demo.Kind == OrganizationKind.Company ? $"; demo channel /report/{DemoChannel.Slug} with the case handler as recipient" : "")
                + (assessments.Count == 0 ? "" : $"; approved fictional demo assessments added: {string.Join("; ", assessments)}")
                + (portfolio is null ? "" : $"; {portfolio}")
                + (engagement is null ? "" : $"; {engagement}")
                + (decisions is null ? "" : $"; {decisions}")
                + (dueDiligence is null ? "" : $"; {dueDiligence}")
                + (grievances is null ? "" : $"; {grievances}")
                + (transparency is null ? "" : $"; {transparency}")
                + (indicators is null ? "" : $"; {indicators}")
                + (defenderIncidents is null ? "" : $"; {defenderIncidents}");
            await audit.SaveChangesAsync(
                new AuditRecord(organization.Id, AuditActor.System, "demo.seeded", "organization", demo.Slug, summary),
                cancellationToken);
            if (demo.Kind == OrganizationKind.Company)
            {
                await DemoHumanRightsReports.FreezeAsync(scopes, organization.Id, demo.Name, cancellationToken);
            }
        }

        if (created.Count == 0)
        {
            console.WriteLine("The demo organizations exist already; their passwords were printed when they were created.");
            console.WriteLine("To sign in again, set a new password, for example:");
            console.WriteLine($"    printf '%s\\n' 'a new long passphrase' | dotnet run --project src/Rightscope -- admin reset-password --email {EmailOf("demo-investor", Role.Owner)} --password-stdin");
            return;
        }

        console.WriteLine("Demo data created (fictional organizations). Sign in at /account/sign-in with:");
        foreach (var (email, organization, role, password) in created)
        {
            console.WriteLine($"    {organization,-20} {role.ToCode(),-13} {email,-42} {password}");
        }

        console.WriteLine($"The demo company's public channel is /report/{DemoChannel.Slug}; its case handler unlocks cases with the password above.");
        console.WriteLine($"The demo civil society's defender-incident channel is /report/{DemoDefenderIncidents.Slug}; its statistics are at /o/demo-civil-society/statistics.");
        console.WriteLine("Each organization has approved assessments of fictional companies and products, e.g. at /o/demo-investor/assessments.");
        console.WriteLine("These passwords are shown once. Reset one later with `rightscope admin reset-password --email EMAIL --password-stdin`.");
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<User> CreateUserAsync(string email, string displayName, string password)
    {
        var user = new User { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, CreatedAt = Now };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The demo user {email} could not be created: {result.Errors.First().Description}");
        }

        return user;
    }

    // Five groups of five characters from an alphabet without look-alikes: about 119 bits.
    private static string NewPassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        var groups = Enumerable.Range(0, 5).Select(_ => RandomNumberGenerator.GetString(alphabet, 5));
        return string.Join('-', groups);
    }
}
