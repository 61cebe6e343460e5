using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Data;
using Rightscope.Features.Audit;
using Rightscope.Features.Organizations;
using Rightscope.Infrastructure.Tenancy;
using Rightscope.Infrastructure.Web;

namespace Rightscope.Features.ApiTokens;

/// <summary>
/// The organization's API tokens (DESIGN §3, §9.2: owners only). The secret is shown once, in the response that
/// creates it; the database and the audit trail keep only its hash and its first characters.
/// </summary>
[RequirePermission(Permission.ManageApiTokens)]
public sealed class ApiTokensModel(
    RightscopeDbContext db,
    OrganizationContext context,
    IAuthorizationService authorization,
    AuditTrail audit,
    TimeProvider clock,
    IStringLocalizer<ApiTokensText> text) : PageModel
{
    public const int MaxLifetimeDays = 365;

    public sealed record Row(
        Guid Id, string Name, Role Role, string Prefix, DateTime CreatedAt, DateTime? ExpiresAt, DateTime? LastUsedAt, DateTime? RevokedAt);

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Organization Organization => context.Current;

    public IReadOnlyList<Row> Tokens { get; private set; } = [];

    /// <summary>The secret of the token just created; it exists only in this response.</summary>
    public string? CreatedSecret { get; private set; }

    public string? CreatedName { get; private set; }

    public DateTime Now { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public static IReadOnlyList<Role> GrantableRoles { get; } = Roles.All.Where(ApiToken.MayGrant).ToList();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(ApiToken.NameMaxLength, ErrorMessage = "Validation.MaxLength")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        public string Role { get; set; } = Core.Accounts.Role.Viewer.ToCode();

        [Required(ErrorMessage = "Validation.Required")]
        public int? ExpiresInDays { get; set; } = (int)ApiToken.DefaultLifetime.TotalDays;
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Done = null;
        if (!Roles.TryParse(Input.Role, out var role) || !ApiToken.MayGrant(role))
        {
            ModelState.AddModelError("Input.Role", text["RoleInvalid"]);
        }

        if (Input.ExpiresInDays is { } days && days is < 1 or > MaxLifetimeDays)
        {
            ModelState.AddModelError("Input.ExpiresInDays", text["ExpiresInvalid", MaxLifetimeDays.ToString(CultureInfo.CurrentCulture)]);
        }

        if (ModelState.IsValid && string.IsNullOrWhiteSpace(Input.Name))
        {
            ModelState.AddModelError("Input.Name", text["NameRequired"]);
        }

        if (!ModelState.IsValid)
        {
            return await InvalidAsync(cancellationToken);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var secret = ApiTokenSecret.Create();
        var token = new ApiToken
        {
            OrganizationId = Organization.Id,
            Name = Input.Name.Trim(),
            Role = role,
            TokenPrefix = ApiTokenSecret.Prefix(secret),
            TokenHash = ApiTokenSecret.Hash(secret),
            CreatedByUserId = context.Membership!.UserId,
            CreatedAt = now,
            ExpiresAt = now.AddDays(Input.ExpiresInDays!.Value),
        };
        db.ApiTokens.Add(token);
        // The secret stays out of the entry: whoever reads the audit trail must not be able to call the API.
        await audit.SaveChangesAsync(
            new AuditRecord(
                Organization.Id,
                Actor(),
                "api-token.created",
                "api-token",
                token.Id.ToString("N"),
                string.Create(CultureInfo.InvariantCulture, $"API token \"{token.Name}\" ({token.TokenPrefix}…) as {role.ToCode()}, expires {token.ExpiresAt:yyyy-MM-dd'T'HH:mm'Z'}")),
            cancellationToken);

        CreatedSecret = secret;
        CreatedName = token.Name;
        // The one response that carries the secret must not be kept by the browser or a proxy.
        Response.Headers.CacheControl = "no-store";
        ModelState.Clear();
        Input = new InputModel();
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid tokenId, CancellationToken cancellationToken)
    {
        // The tenant filter hides other organizations' tokens: their ids are simply not found here.
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId, cancellationToken);
        if (token is null)
        {
            return NotFound();
        }

        var allowed = await authorization.AuthorizeAsync(User, token, new PermissionRequirement(Permission.ManageApiTokens));
        if (!allowed.Succeeded)
        {
            return Forbid();
        }

        if (token.RevokedAt is null)
        {
            token.RevokedAt = clock.GetUtcNow().UtcDateTime;
            await audit.SaveChangesAsync(
                new AuditRecord(
                    Organization.Id,
                    Actor(),
                    "api-token.revoked",
                    "api-token",
                    token.Id.ToString("N"),
                    $"API token \"{token.Name}\" ({token.TokenPrefix}…) as {token.Role.ToCode()} revoked"),
                cancellationToken);
        }

        return Redirect($"/o/{Organization.Slug}/api-tokens?done=revoked");
    }

    /// <summary>The id of a row's revoke button.</summary>
    public static string RevokeField(Guid tokenId) => $"revoke-{tokenId:N}";

    private AuditActor Actor() =>
        AuditActor.SignedIn(User);

    private async Task<IActionResult> InvalidAsync(CancellationToken cancellationToken)
    {
        Done = null;
        await LoadAsync(cancellationToken);
        return this.InvalidForm();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.ApiTokens.AsNoTracking()
            .Select(t => new Row(t.Id, t.Name, t.Role, t.TokenPrefix, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt))
            .ToListAsync(cancellationToken);
        Tokens = rows.OrderByDescending(t => t.CreatedAt).ToList();
    }
}
