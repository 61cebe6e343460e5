using Rightscope.Data;

namespace Rightscope.Features.Assessments;

/// <summary>
/// A remark on an assessment, for example a reviewer's reason for returning it. Comments are kept whatever the
/// assessment's status, so the conversation around a review stays with the work.
/// </summary>
public sealed class AssessmentComment : ITenantOwned
{
    public const int BodyMaxLength = 4000;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    public Guid AssessmentId { get; set; }

    public Guid AuthorUserId { get; set; }

    public required string Body { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>A comment with its author's name, as the overview and the API show it.</summary>
public sealed record CommentView(Guid Id, Guid AuthorUserId, string Author, string Body, DateTime CreatedAt);
