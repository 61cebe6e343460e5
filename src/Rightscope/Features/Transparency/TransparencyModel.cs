using Microsoft.EntityFrameworkCore;
using Rightscope.Features.Organizations;

namespace Rightscope.Features.Transparency;

/// <summary>EF configuration of the government requests register and transparency reports; enums stored by name.</summary>
public static class TransparencyModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<GovernmentRequest>(request =>
        {
            request.Property(r => r.Reference).HasMaxLength(GovernmentRequest.ReferenceMaxLength);
            request.Property(r => r.CountryCode).HasMaxLength(4);
            request.Property(r => r.Authority).HasMaxLength(GovernmentRequest.AuthorityMaxLength);
            request.Property(r => r.Type).HasConversion<string>().HasMaxLength(32);
            request.Property(r => r.Process).HasConversion<string>().HasMaxLength(32);
            request.Property(r => r.Summary).HasMaxLength(GovernmentRequest.NoteMaxLength);
            foreach (var answer in new[] { "ValidAndBinding", "ConsistentWithLaw", "Legality", "LegitimateAim", "Necessity", "Proportionality" })
            {
                request.Property(answer).HasConversion<string>().HasMaxLength(16);
                request.Property(answer + "Note").HasMaxLength(GovernmentRequest.NoteMaxLength);
            }

            request.Property(r => r.Decision).HasConversion<string>().HasMaxLength(32);
            request.Property(r => r.ImportedFrom).HasMaxLength(260);
            request.Property(r => r.ConcurrencyToken).IsConcurrencyToken();
            request.HasIndex(r => new { r.OrganizationId, r.ReceivedOn });
            request.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<GovernmentRequestAggregate>(aggregate =>
        {
            aggregate.Property(a => a.Period).HasMaxLength(6);
            aggregate.Property(a => a.CountryCode).HasMaxLength(4);
            aggregate.Property(a => a.Type).HasConversion<string>().HasMaxLength(32);
            aggregate.Property(a => a.Process).HasConversion<string>().HasMaxLength(32);
            aggregate.Property(a => a.ImportedFrom).HasMaxLength(260);
            // One count per period and cell: a second import of the same cell replaces it (TransparencyFigures forbids two).
            aggregate.HasIndex(a => new { a.OrganizationId, a.Period, a.CountryCode, a.Type, a.Process }).IsUnique();
            aggregate.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<TransparencyReport>(report =>
        {
            report.Property(r => r.Period).HasMaxLength(6);
            report.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            report.HasIndex(r => new { r.OrganizationId, r.Period }).IsUnique();
            report.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
