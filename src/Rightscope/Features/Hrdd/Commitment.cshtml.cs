using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rightscope.Core.Accounts;
using Rightscope.Features.Assessments;
using Rightscope.Features.Audit;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Hrdd;

/// <summary>The policy commitment (UNGP 16) with its five elements; reading needs ReadWorkspace, saving EditWorkspace.</summary>
[RequirePermission(Permission.ReadWorkspace)]
public sealed class CommitmentModel(PolicyCommitmentCommands commands, OrganizationContext context) : PageModel
{
    [BindProperty]
    public CommitmentForm Input { get; set; } = new();

    public string Slug => context.Current.Slug;

    public bool CanEdit => context.Allows(Permission.EditWorkspace);

    public CommitmentView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        View = await commands.LoadAsync(track: false, cancellationToken);
        Input = CommitmentForm.From(View);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        var actor = new CommandActor(context.Current.Id, context.Membership!.UserId, AuditActor.SignedIn(User));
        var outcome = await commands.SaveAsync(actor, Input.Version, Input.ToInput(), cancellationToken);
        if (outcome.Succeeded)
        {
            return Redirect($"/o/{Slug}/due-diligence/commitment?saved=1");
        }

        View = await commands.LoadAsync(track: false, cancellationToken);
        while (Input.Elements.Count < PolicyCommitmentCommands.Elements.Count)
        {
            Input.Elements.Add(new CommitmentElementForm { Status = HrddInput.Code(CommitmentElementStatus.NotStarted) });
        }

        return HrddOutcomes.Failed(this, outcome);
    }
}
