using DaiChain.Ledger.Storage;

namespace DaiChain.Ledger.Tests.Storage;

public sealed class WriteBatchTests
{
    private static readonly ColumnFamily Family = new("f");

    [Fact]
    public void Reports_operation_count_and_payload_bytes()
    {
        var batch = new WriteBatch();

        batch.Put(Family, new byte[3], new byte[10]);
        batch.Delete(Family, new byte[5]);

        Assert.Equal(2, batch.Count);
        Assert.Equal(18, batch.PayloadBytes);
        Assert.False(batch.IsEmpty);
    }

    [Fact]
    public void Refuses_an_operation_beyond_the_count_bound_and_stays_unchanged()
    {
        var batch = new WriteBatch(countMax: 2, bytesMax: 1000);
        batch.Put(Family, [1], [1]);
        batch.Delete(Family, [2]);

        Assert.Throws<InvalidOperationException>(() => batch.Put(Family, [3], [3]));
        Assert.Equal(2, batch.Count);
        Assert.Equal(3, batch.PayloadBytes);
    }

    [Fact]
    public void Refuses_an_operation_beyond_the_byte_bound_and_stays_unchanged()
    {
        var batch = new WriteBatch(countMax: 100, bytesMax: 16);
        batch.Put(Family, new byte[4], new byte[12]);

        Assert.Throws<InvalidOperationException>(() => batch.Delete(Family, [1]));
        Assert.Equal(1, batch.Count);
        Assert.Equal(16, batch.PayloadBytes);
    }

    [Fact]
    public void Refuses_keys_longer_than_the_limit()
    {
        var batch = new WriteBatch();

        Assert.Throws<ArgumentException>(() => batch.Put(Family, new byte[WriteBatch.KeyBytesMax + 1], []));
        Assert.Throws<ArgumentException>(() => batch.Delete(Family, new byte[WriteBatch.KeyBytesMax + 1]));
        batch.Put(Family, new byte[WriteBatch.KeyBytesMax], []);
        Assert.Equal(1, batch.Count);
    }

    [Fact]
    public void Clear_empties_the_batch_and_keeps_its_bounds()
    {
        var batch = new WriteBatch(countMax: 1, bytesMax: 64);
        batch.Put(Family, [1], [2]);

        batch.Clear();
        batch.Put(Family, [3], [4]);

        Assert.Equal(1, batch.Count);
        Assert.Equal(2, batch.PayloadBytes);
        Assert.Equal(1, batch.CountMax);
    }

    [Fact]
    public void Rejects_bounds_outside_their_limits()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new WriteBatch(0, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WriteBatch(10, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WriteBatch(10, WriteBatch.BytesMaxLimit + 1));
    }

    [Fact]
    public void Keeps_operations_in_order_with_their_bytes()
    {
        var batch = new WriteBatch();
        batch.Put(Family, [1, 2], [3]);
        batch.Delete(ColumnFamily.Default, [4]);

        var operations = batch.Operations.ToArray();

        Assert.Equal([1, 2], batch.Key(operations[0]).ToArray());
        Assert.Equal([3], batch.Value(operations[0]).ToArray());
        Assert.True(operations[1].IsDelete);
        Assert.Equal(ColumnFamily.Default, operations[1].Family);
        Assert.Equal([4], batch.Key(operations[1]).ToArray());
    }
}
