using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Core.Decisions;
using Rightscope.Data;
using Rightscope.Features.Assessments;
using Rightscope.Features.Decisions;

namespace Rightscope.Features.Api;

/// <summary>
/// Decisions and the exclusion list through the API. Proposing uses the pages' command (<see cref="DecisionCommands"/>);
/// approval and return are not here: four eyes means two people, and a token is not a person.
/// </summary>
public static class DecisionApi
{
    public static RouteGroupBuilder MapDecisionApi(this RouteGroupBuilder group)
    {
        group.MapGet("/decisions", ListAsync)
            .WithTags("Decisions")
            .RequireApiPermission(Permission.ReadWorkspace)
            .WithName("ListDecisions")
            .WithSummary("The decisions register, newest first; filtered by kind (invest, engage, exclude), status (proposed, approved, returned, superseded) and companyId; paged by page and pageSize (1–200). The approved decision of a company is its current one.");
        group.MapGet("/decisions/{id:guid}", GetAsync)
            .WithTags("Decisions")
            .RequireApiPermission(Permission.ReadWorkspace)
            .WithName("GetDecision")
            .WithSummary("One decision with its basis (assessment, tier and recommendation when proposed) and workflow dates.");
        group.MapPost("/decisions", ProposeAsync)
            .WithTags("Decisions")
            .RequireApiPermission(Permission.EditWorkspace)
            .WithJsonBody<ProposeDecisionRequest>()
            .WithName("ProposeDecision")
            .WithSummary("Proposes a decision about a company, resting on one of its approved assessments. Approval and return are not in the API: four eyes means two people, and a token is not a person; a reviewer decides in the web interface.");
        group.MapGet("/exclusions", ExclusionsAsync)
            .WithTags("Decisions")
            .RequireApiPermission(Permission.ReadWorkspace)
            .Produces<ExclusionListDocument>(StatusCodes.Status200OK, "application/json")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .WithName("GetExclusionList")
            .WithSummary("The exclusion list for order-management systems: companies whose current approved decision is to exclude. JSON by default; ?format=csv for CSV with the same columns (name, isin, lei, ticker, country, mode, effective_on, divest_by, decision_id, company_id).");
        return group;
    }

    private static async Task<Results<Ok<DecisionList>, ValidationProblem>> ListAsync(
        string? kind,
        string? status,
        Guid? companyId,
        int? page,
        int? pageSize,
        HttpContext http,
        RightscopeDbContext db,
        IStringLocalizer<AssessmentsText> text,
        IStringLocalizer<DecisionsText> decisionText,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var query = db.Decisions.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(kind))
        {
            if (DecisionTerms.TryKind(kind, out var wanted))
            {
                query = query.Where(d => d.Kind == wanted);
            }
            else
            {
                errors.Add("kind", decisionText["Field.KindInvalid"]);
            }
        }

        if (!string.IsNullOrWhiteSpace(status))
        {
            if (AssessmentCommands.TryParseCode<DecisionStatus>(status, out var wanted))
            {
                query = query.Where(d => d.Status == wanted);
            }
            else
            {
                errors.Add("status", decisionText["Api.StatusInvalid"]);
            }
        }

        if (companyId is { } company)
        {
            query = query.Where(d => d.CompanyId == company);
        }

        var (number, size) = ApiSupport.Paging(http, page, pageSize, errors);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(), detail: decisionText["Api.QueryInvalid"]);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        return TypedResults.Ok(new DecisionList([.. items.Select(DecisionDocument.From)], number, size, total));
    }

    private static async Task<Results<Ok<DecisionDocument>, NotFound>> GetAsync(Guid id, RightscopeDbContext db, CancellationToken cancellationToken)
    {
        var decision = await db.Decisions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        return decision is null ? TypedResults.NotFound() : TypedResults.Ok(DecisionDocument.From(decision));
    }

    private static async Task<Results<Created<DecisionDocument>, ValidationProblem, NotFound, ProblemHttpResult>> ProposeAsync(
        string org,
        HttpRequest request,
        ClaimsPrincipal user,
        DecisionCommands commands,
        RightscopeDbContext db,
        IStringLocalizer<AssessmentsText> text,
        IStringLocalizer<DecisionsText> decisionText,
        CancellationToken cancellationToken)
    {
        var (body, invalid) = await ApiSupport.ReadJsonAsync<ProposeDecisionRequest>(request, cancellationToken);
        if (body is null)
        {
            return invalid!;
        }

        if (body.CompanyId is not { } companyId)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["companyId"] = [decisionText["Api.CompanyNotFound"]] }, detail: decisionText["Form.NothingSaved"]);
        }

        var outcome = await commands.ProposeAsync(
            ApiSupport.ActorOf(user),
            companyId,
            new DecisionInput(body.Kind, body.ExclusionMode, body.DivestBy, body.EffectiveOn, body.Rationale, body.AssessmentId),
            cancellationToken);
        switch (outcome.Status)
        {
            case CommandStatus.Done:
                var decision = await db.Decisions.AsNoTracking().SingleAsync(d => d.Id == outcome.Id, cancellationToken);
                return TypedResults.Created($"{ApiEndpoints.Prefix}/orgs/{org}/decisions/{decision.Id}", DecisionDocument.From(decision));
            case CommandStatus.Invalid:
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>(outcome.Errors), detail: outcome.Message);
            case CommandStatus.NotFound:
                // Another organization's company is not found, the same answer as a company that does not exist.
                return TypedResults.NotFound();
            default:
                return TypedResults.Problem(outcome.Message, statusCode: StatusCodes.Status409Conflict);
        }
    }

    private static async Task<Results<Ok<ExclusionListDocument>, FileContentHttpResult, ValidationProblem>> ExclusionsAsync(
        string org,
        string? format,
        ExclusionList list,
        IStringLocalizer<DecisionsText> text,
        CancellationToken cancellationToken)
    {
        var kind = ExclusionFormat.Json;
        if (!string.IsNullOrWhiteSpace(format) && !ExclusionList.TryParseFormat(format, out kind))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = [text["Exclusions.FormatInvalid"]] });
        }

        var document = await list.LoadAsync(org, cancellationToken);
        if (kind == ExclusionFormat.Json)
        {
            return TypedResults.Ok(document);
        }

        using var buffer = new MemoryStream();
        ExclusionList.Write(document, kind, buffer);
        var (type, name) = ExclusionList.FileOf(kind, document.GeneratedAt);
        return TypedResults.File(buffer.ToArray(), type, name);
    }
}
