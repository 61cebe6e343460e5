using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Core.Organizations;
using Rightscope.Data;
using Rightscope.Features.Accounts;
using Rightscope.Features.Audit;
using Rightscope.Features.Shared;

namespace Rightscope.Features.Organizations;

public sealed record NewOwner(string Email, string DisplayName, string Password);

public sealed record NewOrganization(string Slug, string Name, OrganizationKind Kind);

/// <summary>A problem with one input field; <see cref="Field"/> is the form field or CLI option it concerns.</summary>
public sealed record FieldError(string Field, string Message);

public sealed record ProvisionResult(Organization? Organization, User? User, IReadOnlyList<FieldError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Creates an organization (or joins an existing one of the same kind) with a new owner account, for the
/// first-run page, <c>admin create</c> and the demo. Everything is validated before anything is written,
/// and the writes and their audit entry commit together.
/// </summary>
public sealed class OrganizationProvisioner(
    RightscopeDbContext db,
    UserManager<User> users,
    AuditTrail audit,
    TimeProvider clock,
    IStringLocalizer<SharedText> text)
{
    public async Task<ProvisionResult> CreateOwnerAsync(
        NewOrganization organization,
        NewOwner owner,
        AuditActor actor,
        bool allowExistingOrganization,
        CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        if (OrganizationSlug.Validate(organization.Slug) is { } slugProblem)
        {
            errors.Add(new FieldError("org", text[$"Slug.{slugProblem}"]));
        }

        if (string.IsNullOrWhiteSpace(organization.Name) || organization.Name.Length > 200)
        {
            errors.Add(new FieldError("org-name", text["Validation.Length", 1, 200]));
        }

        var existing = errors.Count == 0
            ? await db.Organizations.FirstOrDefaultAsync(o => o.Slug == organization.Slug, cancellationToken)
            : null;
        if (existing is not null && !allowExistingOrganization)
        {
            errors.Add(new FieldError("org", text["Organization.SlugTaken"]));
        }
        else if (existing is not null && existing.Kind != organization.Kind)
        {
            errors.Add(new FieldError("org-kind", text["Organization.KindMismatch", existing.Kind.ToCode()]));
        }

        var email = owner.Email.Trim();
        if (!new EmailAddressAttribute().IsValid(email) || email.Length > 256 || string.IsNullOrEmpty(email))
        {
            errors.Add(new FieldError("email", text["Validation.Email"]));
        }
        else if (await users.FindByEmailAsync(email) is not null)
        {
            errors.Add(new FieldError("email", text["Account.EmailTaken"]));
        }

        var user = new User
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(owner.DisplayName) ? email : owner.DisplayName.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, owner.Password);
            errors.AddRange(result.Errors.Select(e => new FieldError("password", e.Description)));
        }

        if (errors.Count > 0)
        {
            return new ProvisionResult(null, null, errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var target = existing ?? new Organization
        {
            Slug = organization.Slug,
            Name = organization.Name.Trim(),
            Kind = organization.Kind,
            CreatedAt = user.CreatedAt,
        };
        if (existing is null)
        {
            db.Organizations.Add(target);
        }

        var created = await users.CreateAsync(user, owner.Password);
        if (!created.Succeeded)
        {
            // Forget the unsaved organization too, so no later SaveChanges on this context writes half of it.
            db.ChangeTracker.Clear();
            return new ProvisionResult(null, null, created.Errors.Select(e => new FieldError("email", e.Description)).ToList());
        }

        db.Memberships.Add(new Membership
        {
            OrganizationId = target.Id,
            UserId = user.Id,
            Role = Role.Owner,
            CreatedAt = user.CreatedAt,
        });
        await audit.SaveChangesAsync(
            new AuditRecord(
                target.Id,
                actor,
                existing is null ? "organization.created" : "member.added",
                "organization",
                target.Slug,
                existing is null
                    ? $"organization {target.Slug} ({target.Kind.ToCode()}) created with owner {email}"
                    : $"owner {email} added"),
            cancellationToken);
        return new ProvisionResult(target, user, []);
    }
}
