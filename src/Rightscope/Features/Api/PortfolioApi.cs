using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.OpenApi;
using Rightscope.Core.Accounts;
using Rightscope.Core.Portfolios.Import;
using Rightscope.Data;
using Rightscope.Features.Assessments;
using Rightscope.Features.Portfolios;

namespace Rightscope.Features.Api;

/// <summary>
/// Portfolios and holdings imports through the API, with the same commands as the pages and the command line: the
/// import is read in full and reported before anything is written, all or nothing unless bad rows are skipped, and
/// the same holdings for the same date are never stored twice.
/// </summary>
public static class PortfolioApi
{
    private const string Tag = "Portfolios";

    public static RouteGroupBuilder MapPortfolioApi(this RouteGroupBuilder group)
    {
        group.MapGet("/portfolios", ListAsync)
            .WithTags(Tag)
            .RequireApiPermission(Permission.ReadWorkspace)
            .WithName("ListPortfolios")
            .WithSummary("The organization's portfolios by name, each with its latest snapshot; paged by page and pageSize (1–200).");
        group.MapPost("/portfolios", CreateAsync)
            .WithTags(Tag)
            .RequireApiPermission(Permission.EditWorkspace)
            .WithJsonBody<CreatePortfolioRequest>()
            .WithName("CreatePortfolio")
            .WithSummary("Creates an empty portfolio with a unique name and an ISO 4217 base currency.");
        group.MapGet("/portfolios/{id:guid}", GetAsync)
            .WithTags(Tag)
            .RequireApiPermission(Permission.ReadWorkspace)
            .WithName("GetPortfolio")
            .WithSummary("One portfolio with its snapshots, newest first, and its saved column mapping.");
        group.MapGet("/portfolios/{id:guid}/holdings", HoldingsAsync)
            .WithTags(Tag)
            .RequireApiPermission(Permission.ReadWorkspace)
            .WithName("ListHoldings")
            .WithSummary("The holdings of the snapshot as of asOf (YYYY-MM-DD; default the latest) in file order, each with its company, exposure type, current tier, decision and assessment date; paged by page and pageSize (1–200).");
        group.MapPost("/portfolios/{id:guid}/holdings", ImportAsync)
            .WithTags(Tag)
            .RequireApiPermission(Permission.EditWorkspace)
            .WithMetadata(new RequestSizeLimitAttribute(PortfolioImportModel.MaxUploadBytes + 64 * 1024))
            .WithMultipartBody()
            .Produces<HoldingsImportDocument>(StatusCodes.Status201Created)
            .Produces<HoldingsImportDocument>(StatusCodes.Status200OK)
            .Produces<HoldingsImportDocument>(StatusCodes.Status422UnprocessableEntity)
            .Produces<HoldingsImportDocument>(StatusCodes.Status409Conflict)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithName("ImportHoldings")
            .WithSummary("Imports a CSV or XLSX holdings file (multipart/form-data) as the snapshot of asOf. 201 imported; 200 replaced, already imported, or a dryRun preview; 422 rejected with every bad row's line, column and reason (nothing written); 409 when another snapshot has that date and replace is not true.");
        return group;
    }

    private static async Task<Results<Ok<PortfolioList>, ValidationProblem>> ListAsync(
        int? page, int? pageSize, HttpContext http, RightscopeDbContext db, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var (number, size) = ApiSupport.Paging(http, page, pageSize, errors);
        if (errors.Any)
        {
            return ApiSupport.QueryInvalid(http, errors);
        }

        var total = await db.Portfolios.CountAsync(cancellationToken);
        var portfolios = await db.Portfolios.AsNoTracking()
            .OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Skip((number - 1) * size).Take(size)
            .ToListAsync(cancellationToken);
        var ids = portfolios.Select(p => p.Id).ToList();
        var latest = (await db.HoldingsSnapshots.AsNoTracking().Where(s => ids.Contains(s.PortfolioId)).ToListAsync(cancellationToken))
            .GroupBy(s => s.PortfolioId)
            .ToDictionary(g => g.Key, g => g.MaxBy(s => s.AsOf)!);
        return TypedResults.Ok(new PortfolioList(
            [.. portfolios.Select(p => new PortfolioSummary(p.Id, p.Name, p.BaseCurrency,
                latest.TryGetValue(p.Id, out var s) ? SnapshotSummary.From(s) : null))],
            number, size, total));
    }

    private static async Task<Results<Created<PortfolioDocument>, ValidationProblem, NotFound, ProblemHttpResult>> CreateAsync(
        string org, HttpRequest request, ClaimsPrincipal user, PortfolioCommands commands, RightscopeDbContext db, CancellationToken cancellationToken)
    {
        var (body, invalid) = await ApiSupport.ReadJsonAsync<CreatePortfolioRequest>(request, cancellationToken);
        if (body is null)
        {
            return invalid!;
        }

        var outcome = await commands.CreateAsync(ApiSupport.ActorOf(user), body.Name, body.BaseCurrency, cancellationToken);
        if (!outcome.Succeeded)
        {
            return ApiSupport.Failed<Created<PortfolioDocument>>(outcome);
        }

        var portfolio = await db.Portfolios.AsNoTracking().SingleAsync(p => p.Id == outcome.Id, cancellationToken);
        return TypedResults.Created($"{ApiEndpoints.Prefix}/orgs/{org}/portfolios/{portfolio.Id}", PortfolioDocument.From(portfolio, []));
    }

    private static async Task<Results<Ok<PortfolioDocument>, NotFound>> GetAsync(
        Guid id, ClaimsPrincipal user, RightscopeDbContext db, CancellationToken cancellationToken)
    {
        var portfolio = await FindAsync(db, user, id, track: false, cancellationToken);
        if (portfolio is null)
        {
            return TypedResults.NotFound();
        }

        var snapshots = await db.HoldingsSnapshots.AsNoTracking().Where(s => s.PortfolioId == id).ToListAsync(cancellationToken);
        return TypedResults.Ok(PortfolioDocument.From(portfolio, snapshots));
    }

    private static async Task<Results<Ok<HoldingsPage>, ValidationProblem, NotFound>> HoldingsAsync(
        Guid id,
        string? asOf,
        int? page,
        int? pageSize,
        HttpContext http,
        ClaimsPrincipal user,
        RightscopeDbContext db,
        PortfolioExport export,
        IStringLocalizer<PortfoliosText> text,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var date = ParseDate(asOf, "asOf", required: false, errors, text);
        var (number, size) = ApiSupport.Paging(http, page, pageSize, errors);
        if (errors.Any)
        {
            return ApiSupport.QueryInvalid(http, errors);
        }

        var portfolio = await FindAsync(db, user, id, track: false, cancellationToken);
        var document = portfolio is null ? null : await export.LoadAsync(portfolio, date, cancellationToken);
        if (document is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(new HoldingsPage(
            document.SnapshotId, document.AsOf,
            [.. document.Holdings.Skip((number - 1) * size).Take(size)],
            number, size, document.Holdings.Count));
    }

    // More outcomes than Results<…> can name: the Produces calls at the mapping document them.
    private static async Task<IResult> ImportAsync(
        string org,
        Guid id,
        HttpRequest request,
        ClaimsPrincipal user,
        RightscopeDbContext db,
        HoldingsImport import,
        IStringLocalizer<PortfoliosText> text,
        CancellationToken cancellationToken)
    {
        var portfolio = await FindAsync(db, user, id, track: true, cancellationToken);
        if (portfolio is null)
        {
            return TypedResults.NotFound();
        }

        var form = await ReadFormAsync(request, text, cancellationToken);
        if (form.Problem is not null)
        {
            return form.Problem;
        }

        var fields = form.Fields!;
        var errors = new FieldErrors();
        var file = fields.Files.GetFile("file");
        if (file is null || file.Length == 0)
        {
            errors.Add("file", text["Import.ChooseFile"]);
        }

        var date = ParseDate(fields["asOf"], "asOf", required: true, errors, text);
        var flags = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var name in new[] { "skipBadRows", "replace", "dryRun" })
        {
            var value = fields[name].ToString().Trim();
            if (value.Length == 0)
            {
                flags[name] = false;
            }
            else if (bool.TryParse(value, out var flag))
            {
                flags[name] = flag;
            }
            else
            {
                errors.Add(name, text["Api.FlagInvalid"]);
            }
        }

        var entries = fields["map"].Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e!.Trim()).ToList();
        var mapping = entries.Count > 0 ? ColumnMapping.Parse(entries) : portfolio.ColumnMapping is { } saved ? ColumnMapping.Parse(saved) : ColumnMapping.None;
        foreach (var issue in mapping.Errors)
        {
            errors.Add("map", ImportMessages.Format(text, issue));
        }

        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(), detail: text["Import.NothingWritten"]);
        }

        var sheet = fields["sheet"].ToString().Trim();
        HoldingsImportResult report;
        await using (var content = new MemoryStream())
        {
            // XLSX needs a seekable stream, and the size limit keeps this bounded.
            await file!.CopyToAsync(content, cancellationToken);
            content.Position = 0;
            report = HoldingsImport.Read(content, new HoldingsImportOptions
            {
                Mapping = mapping,
                SheetName = sheet.Length == 0 ? null : sheet,
                SkipBadRows = flags["skipBadRows"],
            }, cancellationToken);
        }

        if (flags["dryRun"])
        {
            return TypedResults.Ok(HoldingsImportDocument.From(report.CanWrite ? "preview" : "rejected", date!.Value, report, text));
        }

        var outcome = await import.WriteAsync(
            portfolio.OrganizationId, ApiSupport.ActorOf(user).Audit, portfolio, date!.Value, file.FileName, report,
            entries.Count > 0 ? string.Join('\n', entries) : null, flags["replace"], cancellationToken);
        var document = HoldingsImportDocument.From(Status(outcome.Status), date.Value, report, text, outcome);
        var location = $"{ApiEndpoints.Prefix}/orgs/{org}/portfolios/{portfolio.Id}/holdings?asOf={date.Value:yyyy-MM-dd}";
        return outcome.Status switch
        {
            HoldingsImportStatus.Imported => TypedResults.Created(location, document),
            HoldingsImportStatus.Replaced or HoldingsImportStatus.AlreadyImported => TypedResults.Ok(document),
            HoldingsImportStatus.DateTaken => TypedResults.Conflict(document),
            _ => TypedResults.UnprocessableEntity(document),
        };
    }

    private static string Status(HoldingsImportStatus status) => status switch
    {
        HoldingsImportStatus.Imported => "imported",
        HoldingsImportStatus.Replaced => "replaced",
        HoldingsImportStatus.AlreadyImported => "already-imported",
        HoldingsImportStatus.DateTaken => "date-taken",
        _ => "rejected",
    };

    /// <summary>The multipart form, or the 4xx that explains why it cannot be read (too large, not multipart, malformed).</summary>
    private static async Task<(IFormCollection? Fields, ProblemHttpResult? Problem)> ReadFormAsync(
        HttpRequest request, IStringLocalizer<PortfoliosText> text, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return (null, TypedResults.Problem(text["Api.MultipartRequired"], statusCode: StatusCodes.Status415UnsupportedMediaType));
        }

        try
        {
            return (await request.ReadFormAsync(cancellationToken), null);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TypedResults.Problem(text["Import.FileTooLarge", PortfolioImportModel.MaxUploadBytes / 1024 / 1024], statusCode: StatusCodes.Status413PayloadTooLarge));
        }
        catch (Exception exception) when (exception is BadHttpRequestException or InvalidDataException or IOException)
        {
            return (null, TypedResults.Problem(text["Api.MultipartInvalid"], statusCode: StatusCodes.Status400BadRequest));
        }
    }

    private static DateOnly? ParseDate(string? value, string field, bool required, FieldErrors errors, IStringLocalizer<PortfoliosText> text)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(field, text["Import.AsOfInvalid"]);
            }

            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(field, text["Import.AsOfInvalid"]);
        return null;
    }

    /// <summary>The portfolio through the tenant filter, and once more checked against the token's organization.</summary>
    private static async Task<Portfolio?> FindAsync(RightscopeDbContext db, ClaimsPrincipal user, Guid id, bool track, CancellationToken cancellationToken)
    {
        var query = track ? db.Portfolios : db.Portfolios.AsNoTracking();
        var portfolio = await query.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        return portfolio is not null && portfolio.OrganizationId == ApiSupport.OrganizationOf(user) ? portfolio : null;
    }

    /// <summary>Documents the multipart form the import handler reads itself (after the token's permission was checked).</summary>
    private static RouteHandlerBuilder WithMultipartBody(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            static IOpenApiSchema Text(string description) => new OpenApiSchema { Type = JsonSchemaType.String, Description = description };
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["multipart/form-data"] = new()
                    {
                        Schema = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            Required = new HashSet<string> { "file", "asOf" },
                            Properties = new Dictionary<string, IOpenApiSchema>
                            {
                                ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "The CSV (UTF-8 or UTF-16, any common delimiter) or XLSX file, at most 20 MiB." },
                                ["asOf"] = Text("The snapshot date, YYYY-MM-DD."),
                                ["map"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = Text("SOURCE=FIELD"), Description = "Column mapping entries SOURCE=FIELD (repeat the field; FIELD '-' ignores a column). Saved on the portfolio when the import is written; without map the saved mapping is used." },
                                ["sheet"] = Text("The XLSX sheet to read (default: the first)."),
                                ["skipBadRows"] = Text("true: write the good rows and report the bad ones (default false: all or nothing)."),
                                ["replace"] = Text("true: replace a different snapshot of the same date (default false)."),
                                ["dryRun"] = Text("true: report only, write nothing (default false)."),
                            },
                        },
                    },
                },
            };
            return Task.CompletedTask;
        });
}
