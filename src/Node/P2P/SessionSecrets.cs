namespace DaiChain.Node.P2P;

/// <summary>The output of <see cref="KeySchedule.Derive"/>: the hello transcript hash and the two direction keys.</summary>
internal sealed record SessionSecrets(byte[] HelloTranscript, byte[] LowToHighKey, byte[] HighToLowKey);
