using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Core.Benchmark;
using Rightscope.Data;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Benchmark;

/// <summary>The publisher's steps: open the right of reply, record each company's reply, publish under a licence.</summary>
[RequirePermission(Permission.Publish)]
public sealed class EditionPublicationModel(RightscopeDbContext db, OrganizationContext context, BenchmarkEditions editions, IStringLocalizer<BenchmarkText> text)
    : EditionPage(db, context, editions, text)
{
    /// <summary>SPDX identifiers a publisher may choose; CC BY 4.0 is the default (DESIGN §9.14).</summary>
    public static readonly IReadOnlyList<string> Licences = [OpenData.DefaultLicence, "CC-BY-SA-4.0", "CC0-1.0", "ODbL-1.0"];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Redirect($"/o/{Slug}/benchmark/{id}") : NotFound();

    /// <summary>A post without a step (no handler) changes nothing and goes back to the edition.</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Redirect($"/o/{Slug}/benchmark/{id}") : NotFound();

    public async Task<IActionResult> OnPostOpenAsync(Guid id, string? opens, string? closes, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!TryDate(opens, out var from))
        {
            return await RefusedAsync(Text["Reply.OpensInvalid"], cancellationToken);
        }

        if (!TryDate(closes, out var to))
        {
            return await RefusedAsync(Text["Reply.ClosesInvalid"], cancellationToken);
        }

        var outcome = await Editions.OpenReplyAsync(Edition, from, to, Actor, cancellationToken);
        return outcome.Succeeded ? Redirect($"/o/{Slug}/benchmark/{id}") : await RefusedAsync(outcome, cancellationToken);
    }

    public async Task<IActionResult> OnPostReplyAsync(Guid id, Guid entry, string? decision, string? reply, string? receivedOn, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var target = await Db.BenchmarkEntries.FirstOrDefaultAsync(e => e.Id == entry && e.EditionId == id, cancellationToken);
        if (target is null)
        {
            return NotFound();
        }

        var chosen = decision switch { "replied" => ReplyDecision.Replied, "declined" => ReplyDecision.Declined, _ => (ReplyDecision?)null };
        if (chosen is null)
        {
            return await RefusedAsync(Text["Reply.DecisionInvalid"], cancellationToken);
        }

        DateOnly? received = null;
        if (chosen == ReplyDecision.Replied)
        {
            reply = reply?.Trim();
            if (string.IsNullOrEmpty(reply) || reply.Length > BenchmarkEntry.ReplyMaxLength)
            {
                return await RefusedAsync(Text["Reply.TextInvalid", BenchmarkEntry.ReplyMaxLength], cancellationToken);
            }

            if (!TryDate(receivedOn, out var on) || on > DateOnly.FromDateTime(DateTime.UtcNow))
            {
                return await RefusedAsync(Text["Reply.ReceivedInvalid"], cancellationToken);
            }

            received = on;
        }

        var outcome = await Editions.RecordReplyAsync(Edition, target, chosen.Value, reply, received, Actor, cancellationToken);
        return outcome.Succeeded ? Redirect($"/o/{Slug}/benchmark/{id}") : await RefusedAsync(outcome, cancellationToken);
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid id, string? licence, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        licence = string.IsNullOrWhiteSpace(licence) ? OpenData.DefaultLicence : licence.Trim();
        if (!Licences.Contains(licence))
        {
            return await RefusedAsync(Text["Publish.LicenceInvalid", string.Join(", ", Licences)], cancellationToken);
        }

        var organization = Context.Current;
        var outcome = await Editions.PublishAsync(Edition, organization.Name, organization.Slug, licence, UserId, Actor, cancellationToken);
        return outcome.Succeeded ? Redirect($"/benchmark/{organization.Slug}/{Edition.Slug}") : await RefusedAsync(outcome, cancellationToken);
    }
}
