using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;
using DaiChain.TestKit;

namespace DaiChain.Ledger.Tests.Encoding;

public class CanonicalCodecTests
{
    [Fact]
    public void Records_round_trip_byte_for_byte()
    {
        Property.ForAll(seed: 1, random =>
        {
            var record = SampleRecord.Random(random);
            var bytes = Canonical.Encode(record);
            var decoded = Canonical.Decode<SampleRecord>(bytes);
            Assert.Equal(record, decoded);
            Assert.Equal(bytes, Canonical.Encode(decoded));
        });
    }

    [Fact]
    public void Varints_round_trip_with_the_fewest_bytes()
    {
        Property.ForAll(seed: 2, random =>
        {
            var value = random.UInt64OfAnyWidth();
            var writer = new CanonicalWriter(stackalloc byte[16]);
            writer.WriteVarUInt(value);
            var bytes = writer.ToArray();
            writer.Dispose();

            var bits = 64 - ulong.LeadingZeroCount(value);
            Assert.Equal(Math.Max(1, (int)((bits + 6) / 7)), bytes.Length);
            var reader = new CanonicalReader(bytes);
            Assert.Equal(value, reader.ReadVarUInt("v"));
            reader.EnsureEnd("v");
        });
    }

    [Theory]
    [InlineData(new byte[] { 0x80, 0x00 }, "non-minimal varint")]
    [InlineData(new byte[] { 0xFF, 0x80, 0x00 }, "non-minimal varint")]
    [InlineData(new byte[] { 0x80 }, "truncated varint")]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x02 }, "overflows 64 bits")]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x81, 0x00 }, "overflows 64 bits")]
    public void Rejects_non_canonical_varints(byte[] input, string problem)
    {
        var error = Assert.Throws<CodecException>(() =>
        {
            var reader = new CanonicalReader(input);
            reader.ReadVarUInt("amount");
        });
        Assert.Equal("amount", error.Field);
        Assert.Equal(0, error.Offset);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepts_the_largest_varint()
    {
        byte[] max = [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01];
        var reader = new CanonicalReader(max);
        Assert.Equal(ulong.MaxValue, reader.ReadVarUInt("v"));
    }

    [Fact]
    public void Every_non_minimal_re_encoding_of_a_value_is_rejected()
    {
        Property.ForAll(seed: 3, random =>
        {
            var value = random.UInt64OfAnyWidth() >> 8;
            var padded = new List<byte>();
            var v = value;
            while (v >= 0x80)
            {
                padded.Add((byte)(v | 0x80));
                v >>= 7;
            }

            // Emit the last group with a continuation bit, then a zero group: same value, one byte longer.
            padded.Add((byte)(v | 0x80));
            padded.Add(0x00);
            Assert.Throws<CodecException>(() =>
            {
                var reader = new CanonicalReader(padded.ToArray());
                reader.ReadVarUInt("v");
            });
        });
    }

    [Fact]
    public void Trailing_bytes_are_rejected_with_their_offset()
    {
        var record = SampleRecord.Random(new Random(4));
        var bytes = Canonical.Encode(record);
        var longer = bytes.Append((byte)0).ToArray();
        var error = Assert.Throws<CodecException>(() => Canonical.Decode<SampleRecord>(longer));
        Assert.Equal(bytes.Length, error.Offset);
        Assert.Contains("trailing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_truncation_is_rejected()
    {
        var bytes = Canonical.Encode(SampleRecord.Random(new Random(5)));
        for (var length = 0; length < bytes.Length; length++)
        {
            var prefix = bytes.AsSpan(0, length).ToArray();
            Assert.Throws<CodecException>(() => Canonical.Decode<SampleRecord>(prefix));
        }
    }

    [Fact]
    public void Random_bytes_never_crash_the_decoder()
    {
        Property.ForAll(seed: 6, random =>
        {
            var bytes = random.Bytes(0, 400);
            try
            {
                var decoded = Canonical.Decode<SampleRecord>(bytes);

                // Anything accepted must be the canonical encoding of what it decoded to.
                Assert.Equal(bytes, Canonical.Encode(decoded));
            }
            catch (CodecException)
            {
            }
        }, cases: 2000);
    }

    [Fact]
    public void Single_byte_mutations_either_fail_or_re_encode_identically()
    {
        Property.ForAll(seed: 7, random =>
        {
            var bytes = Canonical.Encode(SampleRecord.Random(random));
            var mutated = (byte[])bytes.Clone();
            mutated[random.Next(mutated.Length)] ^= (byte)random.Next(1, 256);
            try
            {
                var decoded = Canonical.Decode<SampleRecord>(mutated);
                Assert.Equal(mutated, Canonical.Encode(decoded));
            }
            catch (CodecException)
            {
            }
        });
    }

    [Fact]
    public void Lengths_over_the_field_limit_are_rejected_before_reading()
    {
        var writer = new CanonicalWriter(64);
        writer.WriteVarUInt(1_000_000);
        var bytes = writer.ToArray();
        writer.Dispose();

        var error = Assert.Throws<CodecException>(() =>
        {
            var reader = new CanonicalReader(bytes);
            reader.ReadBytes("payload", 256);
        });
        Assert.Equal("payload", error.Field);
        Assert.Contains("exceeds the limit of 256", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void List_counts_larger_than_the_input_are_rejected_without_allocating()
    {
        byte[] bytes = [0x10, 0x01];
        var error = Assert.Throws<CodecException>(() =>
        {
            var reader = new CanonicalReader(bytes);
            reader.ReadList("items", 1000, static (ref CanonicalReader r) => r.ReadByte("item"));
        });
        Assert.Contains("cannot fit", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Writer_refuses_values_over_the_field_limit()
    {
        Assert.Throws<ArgumentException>(() =>
        {
            var writer = new CanonicalWriter(stackalloc byte[8]);
            writer.WriteBytes(new byte[300], 256);
        });
        Assert.Throws<ArgumentException>(() =>
        {
            var writer = new CanonicalWriter(stackalloc byte[8]);
            writer.WriteString(new string('é', 40), 64);
        });
    }

    [Fact]
    public void Booleans_other_than_zero_and_one_are_rejected()
    {
        var error = Assert.Throws<CodecException>(() =>
        {
            var reader = new CanonicalReader([2]);
            reader.ReadBool("flag");
        });
        Assert.Contains("0 or 1", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_is_rejected()
    {
        byte[] bytes = [0x02, 0xC3, 0x28];
        var error = Assert.Throws<CodecException>(() =>
        {
            var reader = new CanonicalReader(bytes);
            reader.ReadString("memo", 64);
        });
        Assert.Contains("UTF-8", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_versions_are_rejected()
    {
        var bytes = Canonical.Encode(SampleRecord.Random(new Random(8)));
        bytes[0] = 9;
        var error = Assert.Throws<CodecException>(() => Canonical.Decode<SampleRecord>(bytes));
        Assert.Equal("version", error.Field);
        Assert.Contains("unknown version 9", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_enum_values_are_rejected()
    {
        var error = Assert.Throws<CodecException>(() =>
        {
            var reader = new CanonicalReader([7]);
            reader.ReadEnum<DayOfWeek>("day");
        });
        Assert.Contains("unknown DayOfWeek value 7", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Writer_grows_past_its_initial_buffer()
    {
        var writer = new CanonicalWriter(stackalloc byte[4]);
        for (var i = 0; i < 1000; i++)
        {
            writer.WriteUInt64((ulong)i);
        }

        var bytes = writer.ToArray();
        writer.Dispose();
        Assert.Equal(8000, bytes.Length);
        var reader = new CanonicalReader(bytes);
        for (var i = 0; i < 1000; i++)
        {
            Assert.Equal((ulong)i, reader.ReadUInt64("n"));
        }
    }

    [Fact]
    public void Fixed_width_integers_are_big_endian()
    {
        var writer = new CanonicalWriter(stackalloc byte[16]);
        writer.WriteUInt32(0x01020304);
        writer.WriteInt64(-2);
        var bytes = writer.ToArray();
        writer.Dispose();
        Assert.Equal(new byte[] { 1, 2, 3, 4, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE }, bytes);
    }

    [Fact]
    public void Hashes_and_addresses_are_written_raw()
    {
        var hash = Hash256.Compute("abc"u8);
        var writer = new CanonicalWriter(stackalloc byte[64]);
        writer.WriteHash(hash);
        var bytes = writer.ToArray();
        writer.Dispose();
        Assert.Equal(hash.ToArray(), bytes);
    }
}
