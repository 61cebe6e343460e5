using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Rightscope.Core.Accounts;
using Rightscope.Data;
using Rightscope.Features.Accounts;
using Rightscope.Features.Organizations;

namespace Rightscope.Demo;

/// <summary>The members of the scale organizations: one user per role, with a password shown once.</summary>
public sealed class ScaleMembers(RightscopeDbContext db, UserManager<User> users, TimeProvider clock)
{
    public static string EmailOf(string slug, Role role) => $"{role.ToCode()}@{slug}.example";

    /// <summary>Five groups of five characters from an alphabet without look-alikes, as for serve --demo.</summary>
    public static string NewPassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        return string.Join('-', Enumerable.Range(0, 5).Select(_ => RandomNumberGenerator.GetString(alphabet, 5)));
    }

    /// <summary>Creates the user of <paramref name="role"/> in the organization and adds it to <paramref name="members"/>.</summary>
    public async Task<Guid> AddAsync(Guid organizationId, string slug, Role role, List<ScaleSeeder.Member> members, CancellationToken cancellationToken)
    {
        var email = EmailOf(slug, role);
        var password = NewPassword();
        var user = new User { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"Scale {role.ToCode()}", CreatedAt = clock.GetUtcNow().UtcDateTime };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException($"The scale user {email} could not be created: {created.Errors.First().Description}");
        }

        db.Memberships.Add(new Membership { OrganizationId = organizationId, UserId = user.Id, Role = role, CreatedAt = clock.GetUtcNow().UtcDateTime });
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        members.Add(new ScaleSeeder.Member(email, role, password, slug));
        return user.Id;
    }
}
