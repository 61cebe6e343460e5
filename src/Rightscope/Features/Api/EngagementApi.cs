using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Data;
using Rightscope.Features.Assessments;
using Rightscope.Features.Engagements;

namespace Rightscope.Features.Api;

/// <summary>
/// The engagement tracker through the API: the same commands as the engagement pages
/// (<see cref="EngagementCommands"/>), so validation, the ladder's rules and the audit are identical.
/// </summary>
public static class EngagementApi
{
    public static RouteGroupBuilder MapEngagementApi(this RouteGroupBuilder group)
    {
        group.MapGet("/engagements", ListAsync)
            .WithTags("Engagements")
            .RequireApiPermission(Permission.ReadWorkspace)
            .WithName("ListEngagements")
            .WithSummary("The organization's engagements, latest start first (at most 500), filtered by status (open, closed, overdue or all; default all) and companyId.");
        group.MapGet("/engagements/{id:guid}", GetAsync)
            .WithTags("Engagements")
            .RequireApiPermission(Permission.ReadWorkspace)
            .WithName("GetEngagement")
            .WithSummary("One engagement with its objectives, milestones (overdue flagged), escalation ladder and history, and interactions log.");
        group.MapPost("/engagements", CreateAsync)
            .WithTags("Engagements")
            .RequireApiPermission(Permission.EditWorkspace)
            .WithJsonBody<CreateEngagementRequest>()
            .WithName("CreateEngagement")
            .WithSummary("Starts an engagement with a registry company at the ladder's first step, with objectives chosen from the rested-on approved assessment's gaps and written freely.");
        group.MapPost("/engagements/{id:guid}/milestones", AddMilestoneAsync)
            .WithTags("Engagements")
            .RequireApiPermission(Permission.EditWorkspace)
            .WithJsonBody<MilestoneRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("AddEngagementMilestone")
            .WithSummary("Adds a milestone with a deadline to an open engagement; an open milestone past its deadline is flagged overdue.");
        group.MapPost("/engagements/{id:guid}/interactions", AddInteractionAsync)
            .WithTags("Engagements")
            .RequireApiPermission(Permission.EditWorkspace)
            .WithJsonBody<InteractionRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("AddEngagementInteraction")
            .WithSummary("Records a past interaction with the company (meeting, call, letter, email, AGM question, collaborative-investor meeting, other) on an open engagement.");
        group.MapPost("/engagements/{id:guid}/escalations", EscalateAsync)
            .WithTags("Engagements")
            .RequireApiPermission(Permission.EditWorkspace)
            .WithJsonBody<EscalationRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("EscalateEngagement")
            .WithSummary("Moves an open engagement up or down the escalation ladder with a dated history entry; stepping down needs a reason; version, when sent, must be the engagement's as last read (409 otherwise).");
        return group;
    }

    private static async Task<Results<Ok<EngagementList>, ValidationProblem>> ListAsync(
        string? status,
        Guid? companyId,
        EngagementQueries queries,
        RightscopeDbContext db,
        IStringLocalizer<EngagementsText> text,
        CancellationToken cancellationToken)
    {
        var filter = EngagementFilter.All;
        if (!string.IsNullOrWhiteSpace(status) && !AssessmentCommands.TryParseCode(status, out filter))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [text["Api.FilterInvalid"]] }, detail: text["Api.QueryInvalid"]);
        }

        if (companyId is { } company && !await db.Companies.AnyAsync(c => c.Id == company, cancellationToken))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["companyId"] = [text["Api.CompanyInvalid"]] }, detail: text["Api.QueryInvalid"]);
        }

        var rows = await queries.ListAsync(filter, companyId, cancellationToken);
        return TypedResults.Ok(new EngagementList([.. rows.Select(EngagementSummary.From)]));
    }

    private static async Task<Results<Ok<EngagementDocument>, NotFound>> GetAsync(
        Guid id, ClaimsPrincipal user, EngagementQueries queries, CancellationToken cancellationToken)
    {
        var view = await LoadAsync(queries, user, id, cancellationToken);
        return view is null ? TypedResults.NotFound() : TypedResults.Ok(EngagementDocument.From(view));
    }

    private static async Task<Results<Created<EngagementDocument>, ValidationProblem, NotFound, ProblemHttpResult>> CreateAsync(
        string org,
        HttpRequest request,
        ClaimsPrincipal user,
        EngagementCommands commands,
        EngagementQueries queries,
        IStringLocalizer<EngagementsText> text,
        CancellationToken cancellationToken)
    {
        var (body, invalid) = await ApiSupport.ReadJsonAsync<CreateEngagementRequest>(request, cancellationToken);
        if (body is null)
        {
            return invalid!;
        }

        if (body.CompanyId is not { } companyId)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["companyId"] = [text["Api.CompanyInvalid"]] }, detail: text["Form.NothingSaved"]);
        }

        var outcome = await commands.CreateAsync(
            ApiSupport.ActorOf(user),
            companyId,
            new NewEngagement(body.Title, body.AssessmentId?.ToString(), body.LeadUserId?.ToString(), body.StartedOn, body.Gaps, body.Objectives),
            cancellationToken);
        if (outcome.Status == CommandStatus.NotFound)
        {
            // The company is named in the body, not the path: an unknown one is a field error, not a missing resource.
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["companyId"] = [text["Api.CompanyInvalid"]] }, detail: text["Form.NothingSaved"]);
        }

        return await CreatedAsync(org, outcome, queries, user, cancellationToken);
    }

    private static Task<Results<Created<EngagementDocument>, ValidationProblem, NotFound, ProblemHttpResult>> AddMilestoneAsync(
        string org, Guid id, HttpRequest request, ClaimsPrincipal user, EngagementCommands commands, EngagementQueries queries, CancellationToken cancellationToken) =>
        ChangeAsync<MilestoneRequest>(org, id, request, user, queries, (actor, body) =>
            commands.AddMilestoneAsync(actor, id, new MilestoneInput(body.Deadline, body.Description), cancellationToken), cancellationToken);

    private static Task<Results<Created<EngagementDocument>, ValidationProblem, NotFound, ProblemHttpResult>> AddInteractionAsync(
        string org, Guid id, HttpRequest request, ClaimsPrincipal user, EngagementCommands commands, EngagementQueries queries, CancellationToken cancellationToken) =>
        ChangeAsync<InteractionRequest>(org, id, request, user, queries, (actor, body) =>
            commands.AddInteractionAsync(actor, id, new InteractionInput(body.OccurredOn, body.Type, body.Participants, body.Summary), cancellationToken), cancellationToken);

    private static Task<Results<Created<EngagementDocument>, ValidationProblem, NotFound, ProblemHttpResult>> EscalateAsync(
        string org, Guid id, HttpRequest request, ClaimsPrincipal user, EngagementCommands commands, EngagementQueries queries, CancellationToken cancellationToken) =>
        ChangeAsync<EscalationRequest>(org, id, request, user, queries, (actor, body) =>
            commands.EscalateAsync(actor, id, body.Version, new EscalationInput(body.Step, body.Reason), cancellationToken), cancellationToken);

    /// <summary>A change to an existing engagement: 404 before the body is read when the id is not the organization's, then the command.</summary>
    private static async Task<Results<Created<EngagementDocument>, ValidationProblem, NotFound, ProblemHttpResult>> ChangeAsync<TBody>(
        string org,
        Guid id,
        HttpRequest request,
        ClaimsPrincipal user,
        EngagementQueries queries,
        Func<CommandActor, TBody, Task<CommandOutcome>> command,
        CancellationToken cancellationToken)
        where TBody : class
    {
        if (await LoadAsync(queries, user, id, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        var (body, invalid) = await ApiSupport.ReadJsonAsync<TBody>(request, cancellationToken);
        if (body is null)
        {
            return invalid!;
        }

        var outcome = await command(ApiSupport.ActorOf(user), body);
        return await ChangedAsync(org, id, outcome, queries, user, cancellationToken);
    }

    private static async Task<Results<Created<EngagementDocument>, ValidationProblem, NotFound, ProblemHttpResult>> CreatedAsync(
        string org, CommandOutcome outcome, EngagementQueries queries, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!outcome.Succeeded)
        {
            return Failed(outcome);
        }

        var view = await LoadAsync(queries, user, outcome.Id!.Value, cancellationToken);
        return view is null
            ? TypedResults.NotFound()
            : TypedResults.Created($"{ApiEndpoints.Prefix}/orgs/{org}/engagements/{view.Engagement.Id}", EngagementDocument.From(view));
    }

    /// <summary>After a change to an engagement: 201 with the whole engagement as it now is, at the engagement's address.</summary>
    private static async Task<Results<Created<EngagementDocument>, ValidationProblem, NotFound, ProblemHttpResult>> ChangedAsync(
        string org, Guid id, CommandOutcome outcome, EngagementQueries queries, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!outcome.Succeeded)
        {
            return Failed(outcome);
        }

        var view = await LoadAsync(queries, user, id, cancellationToken);
        return view is null
            ? TypedResults.NotFound()
            : TypedResults.Created($"{ApiEndpoints.Prefix}/orgs/{org}/engagements/{id}", EngagementDocument.From(view));
    }

    /// <summary>Field errors are 400; a closed engagement and a lost race are 409; an unknown id is 404.</summary>
    private static Results<Created<EngagementDocument>, ValidationProblem, NotFound, ProblemHttpResult> Failed(CommandOutcome outcome) =>
        ApiSupport.Failed<Created<EngagementDocument>>(outcome);

    /// <summary>The engagement through the tenant filter, and once more checked against the token's organization.</summary>
    private static async Task<EngagementView?> LoadAsync(EngagementQueries queries, ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        var view = await queries.LoadAsync(id, cancellationToken);
        return view is not null && view.Engagement.OrganizationId == ApiTokenAuthenticationHandler.Caller(user)?.OrganizationId ? view : null;
    }
}
