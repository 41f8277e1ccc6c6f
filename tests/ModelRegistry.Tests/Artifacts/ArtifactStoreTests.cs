using DaiChain.Ledger.Primitives;
using DaiChain.ModelRegistry.Artifacts;

namespace DaiChain.ModelRegistry.Tests.Artifacts;

public sealed class ArtifactStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "daichain-artifacts-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Stores_and_returns_an_artifact_by_its_hash()
    {
        var store = NewStore();
        var bytes = Bytes(100_000, seed: 1);
        var hash = Hash256.Compute(bytes);

        var info = await store.PutAsync(hash, bytes);

        Assert.Equal(ArtifactState.Held, info.State);
        Assert.Equal(bytes.Length, info.SizeBytes);
        Assert.True(store.Contains(hash));
        Assert.Equal(bytes, await store.ReadAllAsync(hash));
    }

    [Fact]
    public async Task Refuses_bytes_that_do_not_match_the_promised_hash_and_keeps_nothing()
    {
        var store = NewStore();
        var bytes = Bytes(5000, seed: 2);
        var wrong = Hash256.Compute("something else"u8);

        var error = await Assert.ThrowsAsync<ArtifactStoreException>(() => store.PutAsync(wrong, bytes));

        Assert.Equal("hash_mismatch", error.Code);
        Assert.Contains(Hash256.Compute(bytes).ToString(), error.Message, StringComparison.Ordinal);
        Assert.False(store.Contains(wrong));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_root, "tmp")));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_root, "objects"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Refuses_streams_over_the_size_cap_without_reading_them_whole()
    {
        var store = new ArtifactStore(_root, maxArtifactBytes: 1024, new FixedTime(Now));
        var endless = new EndlessStream();

        var error = await Assert.ThrowsAsync<ArtifactStoreException>(() => store.PutAsync(Hash256.Zero, endless));

        Assert.Equal("too_large", error.Code);
        Assert.True(endless.BytesRead < 1024 * 1024, "the store should stop reading soon after the cap");
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_root, "tmp")));
    }

    [Fact]
    public async Task Storing_twice_is_idempotent()
    {
        var store = NewStore();
        var bytes = Bytes(3000, seed: 3);
        var hash = Hash256.Compute(bytes);
        await store.PutAsync(hash, bytes);
        var again = await store.PutAsync(hash, bytes);
        Assert.Equal(ArtifactState.Held, again.State);
        Assert.Equal(bytes, await store.ReadAllAsync(hash));
    }

    [Fact]
    public async Task Serves_chunks_that_reassemble_to_the_artifact()
    {
        var store = NewStore();
        var bytes = Bytes(10_000, seed: 4);
        var hash = Hash256.Compute(bytes);
        await store.PutAsync(hash, bytes);

        var assembled = new List<byte>();
        for (long offset = 0; ; offset += 3000)
        {
            var chunk = await store.ReadChunkAsync(hash, offset, 3000);
            Assert.NotNull(chunk);
            if (chunk.Length == 0)
            {
                break;
            }

            assembled.AddRange(chunk);
        }

        Assert.Equal(bytes, assembled.ToArray());
        Assert.Null(await store.ReadChunkAsync(Hash256.Compute("absent"u8), 0, 10));
    }

    [Fact]
    public async Task Erased_artifacts_are_reported_with_when_and_why()
    {
        var store = NewStore();
        var bytes = Bytes(2000, seed: 5);
        var hash = Hash256.Compute(bytes);
        await store.PutAsync(hash, bytes);

        store.Erase(hash, "GDPR request 2026-117\nfrom the data owner");

        var info = store.GetInfo(hash);
        Assert.Equal(ArtifactState.Erased, info.State);
        Assert.Equal(Now, info.ErasedAt);
        Assert.Equal("GDPR request 2026-117 from the data owner", info.ErasureReason);
        Assert.False(store.Contains(hash));
        Assert.Null(store.OpenRead(hash));
        Assert.Equal(ArtifactState.NotHeld, store.GetInfo(Hash256.Compute("never"u8)).State);
    }

    [Fact]
    public async Task An_erased_artifact_is_not_stored_again_until_the_operator_lifts_the_erasure()
    {
        var store = NewStore();
        var bytes = Bytes(3000, seed: 7);
        var hash = Hash256.Compute(bytes);
        await store.PutAsync(hash, bytes);
        store.Erase(hash, "request 9");

        var refused = await Assert.ThrowsAsync<ArtifactStoreException>(() => store.PutAsync(hash, bytes));

        Assert.Equal("erased", refused.Code);
        Assert.Equal(ArtifactState.Erased, store.GetInfo(hash).State);
        Assert.True(store.LiftErasure(hash));
        Assert.False(store.LiftErasure(hash));
        await store.PutAsync(hash, bytes);
        Assert.Equal(ArtifactState.Held, store.GetInfo(hash).State);
    }

    [Fact]
    public async Task The_total_quota_refuses_an_artifact_that_would_exceed_it_and_keeps_what_is_held()
    {
        var store = new ArtifactStore(_root, maxArtifactBytes: 10_000, new FixedTime(Now), maxTotalBytes: 15_000);
        var first = Bytes(8_000, seed: 8);
        var second = Bytes(8_000, seed: 9);
        await store.PutAsync(Hash256.Compute(first), first);

        var refused = await Assert.ThrowsAsync<ArtifactStoreException>(() => store.PutAsync(Hash256.Compute(second), second));

        Assert.Equal("quota_exceeded", refused.Code);
        Assert.Contains("15000-byte quota", refused.Message, StringComparison.Ordinal);
        Assert.False(store.Contains(Hash256.Compute(second)));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_root, "tmp")));
        Assert.Equal(8_000, store.HeldBytes());
        Assert.Equal(7_000, store.RoomLeft());

        // Storing what is already held needs no room; erasing frees it.
        await store.PutAsync(Hash256.Compute(first), first);
        store.Erase(Hash256.Compute(first), "make room");
        await store.PutAsync(Hash256.Compute(second), second);
        Assert.True(store.Contains(Hash256.Compute(second)));
    }

    [Fact]
    public async Task A_tool_beside_the_owner_leaves_its_uploads_in_progress_alone()
    {
        NewStore();
        var partial = Path.Combine(_root, "tmp", "in-progress.part");
        await File.WriteAllBytesAsync(partial, Bytes(10, seed: 10));

        var beside = ArtifactStore.OpenBesideOwner(_root, new FixedTime(Now));
        beside.Erase(Hash256.Compute("anything"u8), "tool");

        Assert.True(File.Exists(partial));
        Assert.Equal(ArtifactState.Erased, NewStoreKeepingNothing().GetInfo(Hash256.Compute("anything"u8)).State);
    }

    [Fact]
    public async Task Leftover_partial_uploads_are_removed_on_start()
    {
        NewStore();
        var partial = Path.Combine(_root, "tmp", "interrupted.part");
        await File.WriteAllBytesAsync(partial, Bytes(10, seed: 6));

        NewStore();

        Assert.False(File.Exists(partial));
    }

    private ArtifactStore NewStore() => new(_root, maxArtifactBytes: 16 * 1024 * 1024, new FixedTime(Now));

    private ArtifactStore NewStoreKeepingNothing() => ArtifactStore.OpenBesideOwner(_root, new FixedTime(Now));

    private static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class EndlessStream : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)7, offset, count);
            BytesRead += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
