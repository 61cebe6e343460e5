using Rightscope.Features.Audit;

namespace Rightscope.Tests.Features.Audit;

public sealed class CheckpointFileTests
{
    [Theory]
    [InlineData("""{"version":1,"checkpoints":[{"chain":null,"sequence":3,"hash":"ab"}]}""")]
    [InlineData("""{"version":1,"checkpoints":[{"chain":"system","sequence":0,"hash":"ab"}]}""")]
    [InlineData("""{"version":1,"checkpoints":[{"chain":"system","sequence":2}]}""")]
    public void A_checkpoint_without_chain_sequence_or_hash_is_rejected_naming_the_file_and_entry(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"checkpoint-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        try
        {
            var error = Assert.Throws<FormatException>(() => AuditVerifier.ReadCheckpoints(path));
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
            Assert.Contains("checkpoint 1", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_well_formed_checkpoint_file_round_trips()
    {
        var path = Path.Combine(Path.GetTempPath(), $"checkpoint-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, AuditVerifier.SerializeCheckpoints([new("system", 4, "abcd")], DateTime.UtcNow));
        try
        {
            var checkpoint = Assert.Single(AuditVerifier.ReadCheckpoints(path));
            Assert.Equal(("system", 4L, "abcd"), (checkpoint.Chain, checkpoint.Sequence, checkpoint.Hash));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
