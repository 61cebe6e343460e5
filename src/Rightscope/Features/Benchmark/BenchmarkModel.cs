using Microsoft.EntityFrameworkCore;
using Rightscope.Features.Organizations;

namespace Rightscope.Features.Benchmark;

/// <summary>EF configuration of the benchmark's tables; the DbContext applies its tenant filters to them.</summary>
public static class BenchmarkModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<BenchmarkEdition>(edition =>
        {
            edition.Property(e => e.Name).HasMaxLength(BenchmarkEdition.NameMaxLength);
            edition.Property(e => e.Slug).HasMaxLength(BenchmarkEdition.SlugMaxLength);
            edition.Property(e => e.MethodologyKey).HasMaxLength(100);
            edition.Property(e => e.MethodologyVersion).HasMaxLength(50);
            edition.Property(e => e.Level).HasMaxLength(16);
            edition.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
            edition.Property(e => e.SourceFile).HasMaxLength(300);
            edition.Property(e => e.Licence).HasMaxLength(BenchmarkEdition.LicenceMaxLength);
            edition.Property(e => e.ContentHash).HasMaxLength(64);
            edition.Property(e => e.ConcurrencyToken).IsConcurrencyToken();
            edition.HasIndex(e => new { e.OrganizationId, e.Slug }).IsUnique();
            edition.HasIndex(e => e.Status);
            edition.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<BenchmarkEntry>(entry =>
        {
            entry.Property(e => e.CompanyName).HasMaxLength(Companies.Company.NameMaxLength);
            entry.Property(e => e.CompanySlug).HasMaxLength(BenchmarkEdition.SlugMaxLength);
            entry.Property(e => e.Reply).HasConversion<string>().HasMaxLength(16);
            entry.Property(e => e.ReplyText).HasMaxLength(BenchmarkEntry.ReplyMaxLength);
            entry.HasIndex(e => new { e.EditionId, e.CompanySlug }).IsUnique();
            entry.HasIndex(e => e.AssessmentId).IsUnique();
            // The company and assessment pages find the published editions of a company through its entries.
            entry.HasIndex(e => e.CompanyId);
            entry.HasOne<BenchmarkEdition>().WithMany().HasForeignKey(e => e.EditionId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<BenchmarkIndicatorScore>(score =>
        {
            score.Property(s => s.NodeKey).HasMaxLength(100);
            score.Property(s => s.Component).HasMaxLength(100);
            score.HasIndex(s => new { s.AssessmentId, s.NodeKey, s.Component }).IsUnique();
        });
    }
}
