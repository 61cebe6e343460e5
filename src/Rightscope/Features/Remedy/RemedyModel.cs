using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Remedy;
using Rightscope.Features.Accounts;
using Rightscope.Features.Organizations;

namespace Rightscope.Features.Remedy;

/// <summary>EF configuration of the Remedy tables; the DbContext applies its tenant filters to them.</summary>
public static class RemedyModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Channel>(channel =>
        {
            channel.Property(c => c.Slug).HasMaxLength(Core.Organizations.OrganizationSlug.MaxLength);
            channel.HasIndex(c => c.Slug).IsUnique();
            channel.Property(c => c.NameEn).HasMaxLength(Channel.NameMaxLength);
            channel.Property(c => c.NameZh).HasMaxLength(Channel.NameMaxLength);
            channel.Property(c => c.IntroEn).HasMaxLength(Channel.IntroMaxLength);
            channel.Property(c => c.IntroZh).HasMaxLength(Channel.IntroMaxLength);
            channel.Property(c => c.Questionnaire).HasConversion<string>().HasMaxLength(32);
            channel.Property(c => c.ReceiptSalt).HasMaxLength(16);
            channel.Property(c => c.ReceiptCost).HasMaxLength(100);
            channel.HasIndex(c => c.OrganizationId);
            channel.Ignore(c => c.ServiceLevel);
            channel.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ChannelRecipient>(recipient =>
        {
            recipient.HasIndex(r => new { r.ChannelId, r.UserId }).IsUnique();
            recipient.HasIndex(r => r.UserId);
            recipient.HasOne<Channel>().WithMany().HasForeignKey(r => r.ChannelId).OnDelete(DeleteBehavior.Cascade);
            // Restrict, not cascade: deleting a person must never silently change who can read a channel's cases.
            recipient.HasOne<User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<HandlerKey>(key =>
        {
            key.ToTable("HandlerKeys");
            key.HasKey(k => k.UserId);
            key.Property(k => k.PublicKey).HasMaxLength(32);
            key.Property(k => k.ByPassword).HasMaxLength(256);
            key.Property(k => k.ByRecoveryKey).HasMaxLength(256);
            key.Property(k => k.Cost).HasMaxLength(100);
            key.HasOne<User>().WithOne().HasForeignKey<HandlerKey>(k => k.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<GrievanceCase>(@case =>
        {
            @case.ToTable("Cases");
            @case.Property(c => c.Status).HasConversion<string>().HasMaxLength(32);
            @case.HasIndex(c => new { c.OrganizationId, c.Number }).IsUnique();
            @case.Property(c => c.LookupId).HasMaxLength(32);
            @case.HasIndex(c => new { c.ChannelId, c.LookupId }).IsUnique();
            // Covers the deadline counts and lists (CaseDeadlineBoard) and the case list's pages: the database answers them
            // from this index alone, never reading the rows, whose encrypted report makes a scan of the table slow (issue 8).
            @case.HasIndex(c => new { c.OrganizationId, c.ChannelId, c.Status, c.AcknowledgedOn, c.FeedbackGivenOn, c.ReceivedOn, c.Number, c.Id })
                .HasDatabaseName("IX_Cases_Deadlines");
            @case.Property(c => c.ReporterEnvelope).HasMaxLength(256);
            @case.Property(c => c.ConcurrencyToken).IsConcurrencyToken();
            @case.Property(c => c.Product).HasMaxLength(GrievanceCase.ProductMaxLength);
            @case.Property(c => c.Category).HasConversion<string>().HasMaxLength(32);
            @case.Property(c => c.Urgency).HasConversion<string>().HasMaxLength(16);
            @case.Property(c => c.Perpetrator).HasConversion<string>().HasMaxLength(16);
            @case.Property(c => c.VictimSex).HasConversion<string>().HasMaxLength(16);
            @case.Property(c => c.VictimAgeBand).HasConversion<string>().HasMaxLength(16);
            @case.Property(c => c.Satisfaction).HasConversion<string>().HasMaxLength(32);
            @case.Property(c => c.RightKeys).HasMaxLength(2000);
            @case.Property(c => c.GroupKeys).HasMaxLength(2000);
            @case.Property(c => c.ViolationTypeKeys).HasMaxLength(ViolationTypeList.MaxJsonLength);
            @case.Property(c => c.Country).HasMaxLength(2);
            @case.Ignore(c => c.Rights);
            @case.Ignore(c => c.Groups);
            @case.Ignore(c => c.ViolationTypes);
            @case.HasOne<Channel>().WithMany().HasForeignKey(c => c.ChannelId).OnDelete(DeleteBehavior.Cascade);
            @case.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<CaseRecipientEnvelope>(envelope =>
        {
            envelope.HasIndex(e => new { e.CaseId, e.UserId }).IsUnique();
            // Covers counting a handler's cases in an organization without reading the envelopes (issue 8).
            envelope.HasIndex(e => new { e.UserId, e.OrganizationId, e.CaseId });
            envelope.Property(e => e.SealedKey).HasMaxLength(256);
            envelope.HasOne<GrievanceCase>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
            // Restrict: a case must never silently become unreadable because a recipient's account was deleted.
            envelope.HasOne<User>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<CaseMessage>(message =>
        {
            message.Property(m => m.Author).HasConversion<string>().HasMaxLength(32);
            message.HasIndex(m => new { m.CaseId, m.Sequence }).IsUnique();
            message.Ignore(m => m.Purpose);
            message.HasOne<GrievanceCase>().WithMany().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);
        });

        CaseWorkflowModel.Configure(builder);
        CaseDeadlineModel.Configure(builder);
        builder.Entity<CaseAttachment>(attachment =>
        {
            attachment.Property(a => a.AddedBy).HasConversion<string>().HasMaxLength(32);
            attachment.Property(a => a.Details).HasMaxLength(2048);
            attachment.HasIndex(a => a.CaseId);
            // Deleting a case deletes its files with it, like its messages.
            attachment.HasOne<GrievanceCase>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
