// The event-loop dispatcher (issue 14): actors on it share one thread, messages from outside wake it, and a socket
// registered on it is read on that thread between the actors' turns.
using System.Net;
using System.Net.Sockets;
using System.Text;
using Akka.Actor;
using Akka.Configuration;
using Akka.Dispatch;
using RSerPool.Actors.Dispatch;
using RSerPool.TestKit;
using Xunit;

namespace RSerPool.Actors.Tests.Dispatch;

public sealed class EventLoopExecutorSpec : VirtualTimeTestKit
{
    private const string Loop = "test-event-loop";

    public EventLoopExecutorSpec()
        : base(ConfigurationFactory.ParseString($$"""
            {{Loop}} {
              type = Dispatcher
              executor = "RSerPool.Actors.Dispatch.EventLoopExecutorConfigurator, RSerPool.Actors"
              throughput = 100
            }
            """))
    {
    }

    [Fact]
    public void Actors_on_the_loop_share_one_thread_and_wake_for_messages_from_other_threads()
    {
        var actors = Enumerable.Range(1, 3).Select(n => Sys.ActorOf(Props.Create(() => new ThreadReporter()).WithDispatcher(Loop), $"on-loop-{n}")).ToArray();
        var elsewhere = Sys.ActorOf(Props.Create(() => new ThreadReporter()), "on-default");
        var threads = new HashSet<int>();
        for (int round = 0; round < 20; round++)   // the loop sleeps between rounds: each is a wake-up from this thread
        {
            foreach (var actor in actors)
            {
                actor.Tell("where", TestActor);
                var report = ExpectMsg<ThreadReport>();
                Assert.True(report.OnEventLoop);
                threads.Add(report.ThreadId);
            }
        }

        Assert.Single(threads);
        Assert.NotEqual(Environment.CurrentManagedThreadId, threads.Single());
        elsewhere.Tell("where", TestActor);
        Assert.False(ExpectMsg<ThreadReport>().OnEventLoop);
    }

    [Fact]
    public void A_socket_registered_on_the_loop_is_read_on_its_thread_until_its_reader_is_done()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;   // sockets are polled on Linux only (PollsSockets)
        }

        using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var owner = Sys.ActorOf(Props.Create(() => new SocketOwner(TestActor)).WithDispatcher(Loop), "socket-owner");
        owner.Tell("open", TestActor);
        var target = ExpectMsg<IPEndPoint>();
        owner.Tell("where", TestActor);
        int loopThread = ExpectMsg<ThreadReport>().ThreadId;

        foreach (string text in new[] { "one", "two" })
        {
            sender.SendTo(Encoding.ASCII.GetBytes(text), target);
            var read = ExpectMsg<DatagramRead>();
            Assert.Equal(text, read.Text);
            Assert.Equal(loopThread, read.ThreadId);
        }

        sender.SendTo("done"u8.ToArray(), target);
        Assert.Equal("done", ExpectMsg<DatagramRead>().Text);
        owner.Tell("unregister", TestActor);
        Assert.False(ExpectMsg<bool>());   // the loop forgot the reader that said it was done
    }

    [Fact]
    public async Task A_shut_down_loop_runs_what_was_queued_then_refuses_more_and_its_thread_ends()
    {
        var executor = new EventLoopExecutor("standalone-loop", eventStream: null);
        var ran = new TaskCompletionSource<Thread>(TaskCreationOptions.RunContinuationsAsynchronously);
        executor.Execute(new ActionRunnable(() => ran.SetResult(Thread.CurrentThread)));
        Thread loopThread = await ran.Task.WaitAsync(TimeSpan.FromSeconds(10));

        executor.Shutdown();
        Assert.Throws<RejectedExecutionException>(() => executor.Execute(new ActionRunnable(() => { })));
        Assert.True(loopThread.Join(TimeSpan.FromSeconds(10)), "the loop's thread did not end after Shutdown");
        Assert.Equal("standalone-loop", loopThread.Name);
    }

    private sealed record ThreadReport(int ThreadId, bool OnEventLoop);

    private sealed record DatagramRead(string Text, int ThreadId);

    private sealed class ThreadReporter : ReceiveActor
    {
        public ThreadReporter() =>
            Receive<string>(_ => Sender.Tell(new ThreadReport(Environment.CurrentManagedThreadId, EventLoopExecutor.Current is not null)));
    }

    // Opens a UDP socket on loopback and has the loop read it; each datagram goes to the probe.
    private sealed class SocketOwner : ReceiveActor
    {
        private Socket? _socket;
        private DatagramReader? _reader;

        public SocketOwner(IActorRef probe)
        {
            Receive<string>(command => command == "open", _ =>
            {
                _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { Blocking = false };
                _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                _reader = new DatagramReader(_socket, probe);
                EventLoopExecutor.Current!.Register(_reader);
                Sender.Tell((IPEndPoint)_socket.LocalEndPoint!);
            });
            Receive<string>(command => command == "where", _ => Sender.Tell(new ThreadReport(Environment.CurrentManagedThreadId, true)));
            Receive<string>(command => command == "unregister", _ => Sender.Tell(EventLoopExecutor.Current!.Unregister(_reader!)));
        }

        protected override void PostStop() => _socket?.Dispose();
    }

    private sealed class DatagramReader(Socket socket, IActorRef probe) : IEventLoopReader
    {
        private readonly byte[] _buffer = new byte[64];

        public System.Runtime.InteropServices.SafeHandle Handle => socket.SafeHandle;

        public bool OnReadable()
        {
            int length = socket.Receive(_buffer);
            string text = Encoding.ASCII.GetString(_buffer, 0, length);
            probe.Tell(new DatagramRead(text, Environment.CurrentManagedThreadId));
            return text != "done";
        }
    }
}
