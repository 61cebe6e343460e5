using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Data;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Remedy;

/// <summary>The cases of the channels where the signed-in handler is a recipient: numbers, states and days, no content.</summary>
[RequirePermission(Permission.HandleCases)]
public sealed class CaseListModel(RightscopeDbContext db, OrganizationContext context, HandlerSession session) : PageModel
{
    public sealed record Row(GrievanceCase Case, Channel Channel);

    public string Slug => context.Current.Slug;

    public bool Unlocked => session.IsUnlocked;

    public IReadOnlyList<Row> Cases { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = context.Membership!.UserId;
        Cases = await (
                from @case in db.Cases.AsNoTracking()
                join envelope in db.CaseRecipientEnvelopes on @case.Id equals envelope.CaseId
                join channel in db.Channels on @case.ChannelId equals channel.Id
                where envelope.UserId == userId
                orderby @case.Number descending
                select new Row(@case, channel))
            .ToListAsync(cancellationToken);
    }
}
