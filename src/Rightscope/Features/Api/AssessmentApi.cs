using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Rightscope.Core.Accounts;
using Rightscope.Core.Assessments;
using Rightscope.Data;
using Rightscope.Features.Assessments;

namespace Rightscope.Features.Api;

/// <summary>
/// Assessments through the API: the same commands as the pages (<see cref="AssessmentCommands"/>), so validation,
/// scoring and audit are identical. Approval and return are not here: four eyes means two people, and a token is
/// not a person.
/// </summary>
public static class AssessmentApi
{
    public const int DefaultPageSize = 50;

    public const int MaxPageSize = 200;

    public const int MaxAnswersPerBatch = 1000;

    public static RouteGroupBuilder MapAssessmentApi(this RouteGroupBuilder group)
    {
        // Mapped on the organization group itself: a nested group would serve the list at "assessments/".
        group.MapGet("/assessments", ListAsync)
            .WithTags("Assessments")
            .RequireApiPermission(Permission.ReadWorkspace)
            .WithName("ListAssessments")
            .WithSummary("The organization's assessments, newest first, filtered by status, methodology key and subject name; paged by page and pageSize (1–200).");
        group.MapGet("/assessments/{id:guid}", GetAsync)
            .WithTags("Assessments")
            .RequireApiPermission(Permission.ReadWorkspace)
            .WithName("GetAssessment")
            .WithSummary("One assessment: subject, attributes, services, workflow dates, answers, evidence, and the engine result with every derivation step.");
        group.MapPost("/assessments", CreateAsync)
            .WithTags("Assessments")
            .RequireApiPermission(Permission.EditWorkspace)
            .WithJsonBody<CreateAssessmentRequest>()
            .WithName("CreateAssessment")
            .WithSummary("Starts a draft assessment of a subject under a pinned methodology version (key@version).");
        group.MapPut("/assessments/{id:guid}/answers", SetAnswersAsync)
            .WithTags("Assessments")
            .RequireApiPermission(Permission.EditWorkspace)
            .WithJsonBody<SetAnswersRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("SetAssessmentAnswers")
            .WithSummary("Sets a batch of answers of a draft, all or nothing, and re-scores it; version must be the assessment's version as last read (409 otherwise).");
        group.MapPost("/assessments/{id:guid}/evidence", AddEvidenceAsync)
            .WithTags("Assessments")
            .RequireApiPermission(Permission.EditWorkspace)
            .WithJsonBody<EvidenceRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("AddAssessmentEvidence")
            .WithSummary("Adds evidence for an item of a draft; the evidence id then appears in that item's derivation steps.");
        group.MapPost("/assessments/{id:guid}/submit", SubmitAsync)
            .WithTags("Assessments")
            .RequireApiPermission(Permission.EditWorkspace)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("SubmitAssessment")
            .WithSummary("Submits a draft for review. Approval and return are not in the API: four eyes means two people, and a token is not a person; a reviewer decides in the web interface.");
        group.MapGet("/assessments/{id:guid}/comments", ListCommentsAsync)
            .WithTags("Assessments")
            .RequireApiPermission(Permission.ReadWorkspace)
            .WithName("ListAssessmentComments")
            .WithSummary("The comments on an assessment, oldest first.");
        group.MapPost("/assessments/{id:guid}/comments", AddCommentAsync)
            .WithTags("Assessments")
            .RequireApiPermission(Permission.EditWorkspace, Permission.Review)
            .WithJsonBody<CommentRequest>()
            .WithName("AddAssessmentComment")
            .WithSummary("Adds a comment (at most 4000 characters) to an assessment in any status; needs a role that may edit or review.");
        return group;
    }

    private static async Task<Results<Ok<AssessmentList>, ValidationProblem>> ListAsync(
        string? status,
        string? methodology,
        string? subject,
        int? page,
        int? pageSize,
        RightscopeDbContext db,
        IStringLocalizer<AssessmentsText> text,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var query = db.Assessments.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (AssessmentCommands.TryParseCode<AssessmentStatus>(status, out var wanted))
            {
                query = query.Where(a => a.Status == wanted);
            }
            else
            {
                errors.Add("status", text["Api.StatusInvalid"]);
            }
        }

        if (!string.IsNullOrWhiteSpace(methodology))
        {
            var key = methodology.Trim();
            query = query.Where(a => a.MethodologyKey == key);
        }

        if (!string.IsNullOrWhiteSpace(subject))
        {
            var term = subject.Trim().ToLowerInvariant();
            query = query.Where(a => a.SubjectName.ToLower().Contains(term));
        }

        var (number, size) = (page ?? 1, pageSize ?? DefaultPageSize);
        if (number < 1)
        {
            errors.Add("page", text["Api.PageInvalid"]);
        }

        if (size is < 1 or > MaxPageSize)
        {
            errors.Add("pageSize", text["Api.PageSizeInvalid", MaxPageSize]);
        }

        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(), detail: text["Api.QueryInvalid"]);
        }

        var total = await query.CountAsync(cancellationToken);
        // Newest first; the id (a version 7 GUID, unique) breaks ties so pages never overlap or skip.
        var items = await query
            .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
            .Skip((number - 1) * size).Take(size)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new AssessmentList([.. items.Select(AssessmentSummary.From)], number, size, total));
    }

    private static async Task<Results<Ok<AssessmentDocument>, NotFound>> GetAsync(
        Guid id, ClaimsPrincipal user, AssessmentStore store, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(store, user, id, track: false, cancellationToken);
        return loaded is null ? TypedResults.NotFound() : TypedResults.Ok(AssessmentDocument.From(loaded));
    }

    private static async Task<Results<Created<AssessmentDocument>, ValidationProblem, NotFound>> CreateAsync(
        string org,
        HttpRequest request,
        ClaimsPrincipal user,
        AssessmentCommands commands,
        AssessmentStore store,
        IOptions<JsonOptions> json,
        IStringLocalizer<AssessmentsText> text,
        CancellationToken cancellationToken)
    {
        var (body, invalid) = await ReadAsync<CreateAssessmentRequest>(request, json, text, cancellationToken);
        if (body is null)
        {
            return invalid!;
        }

        var outcome = await commands.CreateAsync(
            ActorOf(user),
            new NewAssessment(body.Methodology, body.SubjectKind, body.SubjectName, body.Attributes, body.Services),
            cancellationToken);
        if (!outcome.Succeeded)
        {
            return Invalid(outcome);
        }

        var loaded = await LoadAsync(store, user, outcome.Id!.Value, track: false, cancellationToken);
        return loaded is null
            ? TypedResults.NotFound()
            : TypedResults.Created($"{ApiEndpoints.Prefix}/orgs/{org}/assessments/{loaded.Assessment.Id}", AssessmentDocument.From(loaded));
    }

    private static async Task<Results<Ok<AssessmentDocument>, ValidationProblem, NotFound, ProblemHttpResult>> SetAnswersAsync(
        Guid id,
        HttpRequest request,
        ClaimsPrincipal user,
        AssessmentCommands commands,
        AssessmentStore store,
        IOptions<JsonOptions> json,
        IStringLocalizer<AssessmentsText> text,
        CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(store, user, id, track: true, cancellationToken);
        if (loaded is null)
        {
            return TypedResults.NotFound();
        }

        var (body, invalid) = await ReadAsync<SetAnswersRequest>(request, json, text, cancellationToken);
        if (body is null)
        {
            return invalid!;
        }

        var errors = new FieldErrors();
        if (body.Version is null)
        {
            errors.Add("version", text["Api.VersionRequired"]);
        }

        if (body.Answers is null || body.Answers.Count is 0 or > MaxAnswersPerBatch)
        {
            errors.Add("answers", text["Api.AnswersCount", MaxAnswersPerBatch]);
        }

        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(), detail: text["Section.NothingSaved"]);
        }

        var changes = body.Answers!.Select(a => new AnswerChange(a?.ItemKey, a?.Component, a?.Option, a?.Note)).ToList();
        var outcome = await commands.SetAnswersAsync(ActorOf(user), loaded, body.Version!.Value, changes, $"api batch of {changes.Count}", cancellationToken);
        if (!outcome.Succeeded)
        {
            return Failed<Ok<AssessmentDocument>>(outcome);
        }

        var saved = await LoadAsync(store, user, id, track: false, cancellationToken);
        return saved is null ? TypedResults.NotFound() : TypedResults.Ok(AssessmentDocument.From(saved));
    }

    private static async Task<Results<Created<EvidenceDocument>, ValidationProblem, NotFound, ProblemHttpResult>> AddEvidenceAsync(
        string org,
        Guid id,
        HttpRequest request,
        ClaimsPrincipal user,
        AssessmentCommands commands,
        AssessmentStore store,
        RightscopeDbContext db,
        IOptions<JsonOptions> json,
        IStringLocalizer<AssessmentsText> text,
        CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(store, user, id, track: true, cancellationToken);
        if (loaded is null)
        {
            return TypedResults.NotFound();
        }

        var (body, invalid) = await ReadAsync<EvidenceRequest>(request, json, text, cancellationToken);
        if (body is null)
        {
            return invalid!;
        }

        var outcome = await commands.AddEvidenceAsync(
            ActorOf(user),
            loaded,
            new EvidenceInput(body.ItemKey, body.SourceKind, body.Title, body.Publisher, body.Url, body.PublishedOn, body.Excerpt, body.Reliability),
            cancellationToken);
        if (!outcome.Succeeded)
        {
            return Failed<Created<EvidenceDocument>>(outcome);
        }

        var evidence = await db.Evidence.AsNoTracking().SingleAsync(e => e.Id == outcome.Id, cancellationToken);
        return TypedResults.Created($"{ApiEndpoints.Prefix}/orgs/{org}/assessments/{id}", EvidenceDocument.From(evidence));
    }

    private static async Task<Results<Ok<AssessmentDocument>, ValidationProblem, NotFound, ProblemHttpResult>> SubmitAsync(
        Guid id, ClaimsPrincipal user, AssessmentCommands commands, AssessmentStore store, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(store, user, id, track: true, cancellationToken);
        if (loaded is null)
        {
            return TypedResults.NotFound();
        }

        var outcome = await commands.SubmitAsync(ActorOf(user), loaded, cancellationToken);
        if (!outcome.Succeeded)
        {
            return Failed<Ok<AssessmentDocument>>(outcome);
        }

        var saved = await LoadAsync(store, user, id, track: false, cancellationToken);
        return saved is null ? TypedResults.NotFound() : TypedResults.Ok(AssessmentDocument.From(saved));
    }

    private static async Task<Results<Ok<IReadOnlyList<CommentView>>, NotFound>> ListCommentsAsync(
        Guid id, ClaimsPrincipal user, AssessmentStore store, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(store, user, id, track: false, cancellationToken);
        return loaded is null ? TypedResults.NotFound() : TypedResults.Ok(await store.CommentsAsync(id, cancellationToken));
    }

    private static async Task<Results<Created<CommentView>, ValidationProblem, NotFound, ProblemHttpResult>> AddCommentAsync(
        string org,
        Guid id,
        HttpRequest request,
        ClaimsPrincipal user,
        AssessmentCommands commands,
        AssessmentStore store,
        IOptions<JsonOptions> json,
        IStringLocalizer<AssessmentsText> text,
        CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(store, user, id, track: false, cancellationToken);
        if (loaded is null)
        {
            return TypedResults.NotFound();
        }

        var (body, invalid) = await ReadAsync<CommentRequest>(request, json, text, cancellationToken);
        if (body is null)
        {
            return invalid!;
        }

        var outcome = await commands.AddCommentAsync(ActorOf(user), loaded, body.Body, cancellationToken);
        if (!outcome.Succeeded)
        {
            return Failed<Created<CommentView>>(outcome);
        }

        var comment = (await store.CommentsAsync(id, cancellationToken)).Single(c => c.Id == outcome.Id);
        return TypedResults.Created($"{ApiEndpoints.Prefix}/orgs/{org}/assessments/{id}/comments", comment);
    }

    /// <summary>
    /// Documents the JSON body that the handler reads itself. <c>Accepts&lt;T&gt;</c> would do it too, but it also makes
    /// routing match on Content-Type, so a request without one would fall through to the 404 fallback.
    /// </summary>
    internal static RouteHandlerBuilder WithJsonBody<T>(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(T), null, cancellationToken) },
                },
            };
        });

    /// <summary>The assessment through the tenant filter, and once more checked against the token's organization.</summary>
    private static async Task<LoadedAssessment?> LoadAsync(AssessmentStore store, ClaimsPrincipal user, Guid id, bool track, CancellationToken cancellationToken)
    {
        var loaded = await store.LoadAsync(id, track, cancellationToken);
        return loaded is not null && loaded.Assessment.OrganizationId == ApiTokenAuthenticationHandler.Caller(user)?.OrganizationId ? loaded : null;
    }

    internal static CommandActor ActorOf(ClaimsPrincipal user)
    {
        var caller = ApiTokenAuthenticationHandler.Caller(user) ?? throw new InvalidOperationException("The request has no API token.");
        var writer = ApiTokenAuthenticationHandler.Writer(user) ?? throw new InvalidOperationException("The request has no API token.");
        return new CommandActor(caller.OrganizationId, writer.CreatedByUserId, writer.Audit);
    }

    private static ValidationProblem Invalid(CommandOutcome outcome) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]>(outcome.Errors), detail: outcome.Message);

    /// <summary>Field errors are 400; a status that forbids the command and a lost race are 409; an unknown id is 404.</summary>
    private static Results<TDone, ValidationProblem, NotFound, ProblemHttpResult> Failed<TDone>(CommandOutcome outcome)
        where TDone : IResult => outcome.Status switch
        {
            CommandStatus.Invalid => Invalid(outcome),
            CommandStatus.NotFound => TypedResults.NotFound(),
            _ => TypedResults.Problem(outcome.Message, statusCode: StatusCodes.Status409Conflict),
        };

    /// <summary>
    /// Reads the JSON body after the token's organization and permission were checked (a bound parameter would be
    /// read before the endpoint filter runs). A malformed body is a 400 that names the field, never a 500.
    /// </summary>
    internal static async Task<(T? Body, ValidationProblem? Invalid)> ReadAsync<T>(
        HttpRequest request, IOptions<JsonOptions> json, IStringLocalizer<AssessmentsText> text, CancellationToken cancellationToken)
        where T : class
    {
        ValidationProblem Problem(string field, string message) =>
            TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, detail: text["Api.BodyInvalid"]);

        if (!request.HasJsonContentType())
        {
            return (null, Problem("body", text["Api.JsonRequired"]));
        }

        try
        {
            var body = await request.ReadFromJsonAsync<T>(json.Value.SerializerOptions, cancellationToken);
            return body is null ? (null, Problem("body", text["Api.JsonRequired"])) : (body, null);
        }
        catch (JsonException exception)
        {
            var path = exception.Path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : "body";
            return (null, Problem(path, text["Api.JsonInvalid"]));
        }
        catch (BadHttpRequestException)
        {
            return (null, Problem("body", text["Api.JsonInvalid"]));
        }
    }
}
