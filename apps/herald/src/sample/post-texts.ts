import type { CONTENT_TYPES } from '@herald/events';

/** The networks Lumen's social team publishes on. */
export type SampleNetwork = 'x' | 'linkedin' | 'instagram' | 'tiktok';

/** Spelled out from the catalog: the schema's static type widens the union to any string. */
export type SampleContentType = (typeof CONTENT_TYPES)[number];

export interface PostText {
  network: SampleNetwork;
  contentType: SampleContentType;
  text: string;
  tags: readonly string[];
  /** Links to lumen.app get the campaign's UTM parameters added. */
  link?: string;
}

/** A post placed relative to its anchor day (launch day, webinar day): `day` days after it, at `hour`:`minute` UTC. */
export interface ScheduledPostText extends PostText {
  day: number;
  hour: number;
  minute?: number;
}

export interface WebinarEpisode {
  title: string;
  posts: readonly ScheduledPostText[];
}

const SITE = 'https://lumen.app';

/** Lumen 3.0: teasers, launch day on every network, then proof and case studies. */
export const LAUNCH_POSTS: readonly ScheduledPostText[] = [
  { day: -9, hour: 14, network: 'x', contentType: 'text', tags: ['launch', 'teaser'], text: 'Something big is coming to Lumen. 👀 Nine days. #Lumen3' },
  {
    day: -7,
    hour: 15,
    minute: 30,
    network: 'instagram',
    contentType: 'reel',
    tags: ['launch', 'teaser'],
    text: 'Ever wished your project plan could see the future? 👀 Something new is coming to Lumen. Stay tuned. #Lumen3 #projectmanagement #productivity',
  },
  {
    day: -5,
    hour: 13,
    network: 'linkedin',
    contentType: 'text',
    tags: ['launch', 'teaser'],
    text: "A year ago we asked 400 teams what slows their planning down. The answer wasn't features. It was not knowing who is overloaded until it's too late.\n\nNext week we're shipping our answer. Lumen 3.0 is almost here.",
  },
  {
    day: -3,
    hour: 16,
    network: 'tiktok',
    contentType: 'video',
    tags: ['launch', 'teaser', 'humor'],
    text: "POV: you're the PM, it's 4:59 on a Friday and someone says 'quick question' 😅 Lumen 3.0 is coming for this exact moment #Lumen3 #pmlife #worktok",
  },
  { day: -2, hour: 14, network: 'x', contentType: 'image', tags: ['launch', 'teaser'], text: '48 hours. ⏳ #Lumen3' },
  {
    day: -1,
    hour: 13,
    network: 'linkedin',
    contentType: 'image',
    tags: ['launch', 'event'],
    link: `${SITE}/events/lumen-3-keynote`,
    text: "Tomorrow at 11am ET we're going live to unveil Lumen 3.0: the new Workload view, Timeline v2, automations you can build in a minute, and AI summaries that actually read the thread. Join us 👇",
  },
  {
    day: 0,
    hour: 13,
    network: 'x',
    contentType: 'video',
    tags: ['launch', 'product'],
    text: "Lumen 3.0 is here. 🚀\n\n✅ Workload view: see who's overloaded before they burn out\n✅ Timeline v2: 2x faster, dependencies that just work\n✅ Automations builder\n✅ Lumen Assist: AI summaries for long threads\n\nAvailable today on every plan.",
  },
  {
    day: 0,
    hour: 14,
    network: 'instagram',
    contentType: 'carousel',
    tags: ['launch', 'product'],
    text: "Lumen 3.0 is live ✨ Swipe to see what's new → Workload view, Timeline v2, automations and AI summaries. Which one are you trying first? #Lumen3 #productlaunch #teamwork",
  },
  {
    day: 0,
    hour: 15,
    network: 'linkedin',
    contentType: 'live',
    tags: ['launch', 'event'],
    text: "We're live: the Lumen 3.0 keynote. Our CEO Maya Okafor and head of product Daniel Reyes walk through the Workload view and Timeline v2, then take your questions. Bring the hard ones.",
  },
  {
    day: 0,
    hour: 16,
    minute: 30,
    network: 'x',
    contentType: 'link',
    tags: ['launch', 'blog'],
    link: `${SITE}/blog/lumen-3-0`,
    text: "Everything that's new in Lumen 3.0, in one post (with gifs, we're not monsters):",
  },
  {
    day: 0,
    hour: 16,
    network: 'tiktok',
    contentType: 'video',
    tags: ['launch', 'culture'],
    text: 'we shipped the thing 🥹🚀 Lumen 3.0 is live #Lumen3 #startup #launchday',
  },
  {
    day: 1,
    hour: 13,
    network: 'linkedin',
    contentType: 'carousel',
    tags: ['launch', 'product'],
    text: "7 things you can do in Lumen 3.0 that you couldn't do last week. Slide 4 is the one our beta teams can't stop talking about.",
  },
  {
    day: 1,
    hour: 14,
    minute: 30,
    network: 'x',
    contentType: 'text',
    tags: ['launch', 'culture'],
    text: 'Lumen 3.0 launch day by the numbers:\n\n🎉 41,000 teams upgraded\n☕ 212 coffees\n🐛 3 bugs (fixed)\n❤️ all of your replies\n\nThank you.',
  },
  {
    day: 2,
    hour: 15,
    network: 'instagram',
    contentType: 'reel',
    tags: ['launch', 'product', 'workload'],
    text: "The Workload view in 30 seconds ⏱️ Who's overloaded, who has room, and what to move. #Lumen3 #workload #teamlead",
  },
  {
    day: 3,
    hour: 15,
    network: 'tiktok',
    contentType: 'video',
    tags: ['launch', 'humor', 'workload'],
    text: "POV: your manager opens the Workload view and finally sees you've been doing 3 people's jobs 😌 #Lumen3 #corporatehumor #pmtok",
  },
  {
    day: 5,
    hour: 13,
    minute: 30,
    network: 'linkedin',
    contentType: 'text',
    tags: ['launch', 'customer-story'],
    text: 'We asked the beta teams what changed after a month on Lumen 3.0.\n\n"We stopped finding out about overloaded people in retros." – Ops lead, 120-person agency\n"Our planning meeting went from 90 to 35 minutes." – VP Engineering, fintech\n\nThat\'s the launch we wanted.',
  },
  {
    day: 7,
    hour: 14,
    network: 'x',
    contentType: 'image',
    tags: ['launch', 'milestone'],
    text: 'One week of Lumen 3.0: 1.2M tasks moved on the new Timeline, 18k automations built, and the Workload view is now the most opened screen in Lumen. 📈',
  },
  {
    day: 9,
    hour: 13,
    network: 'linkedin',
    contentType: 'link',
    tags: ['launch', 'customer-story'],
    link: `${SITE}/customers/northwind-robotics`,
    text: 'How a 300-person engineering org rebalanced its roadmap in one afternoon with the new Workload view. Our case study with Northwind Robotics:',
  },
];

/** "Plan Better", a free monthly webinar: registration, reminder, the live stream, a recap. */
export const WEBINAR_EPISODES: readonly WebinarEpisode[] = [
  {
    title: 'Sprint planning that survives Monday',
    posts: [
      {
        day: -8,
        hour: 14,
        network: 'linkedin',
        contentType: 'link',
        tags: ['webinar', 'agile'],
        link: `${SITE}/webinars/sprint-planning`,
        text: 'Free webinar: Sprint planning that survives Monday. 45 minutes on estimation, buffers and saying no, with real boards from teams using Lumen. Thursday, 11am ET. Save your seat:',
      },
      {
        day: -2,
        hour: 15,
        network: 'x',
        contentType: 'link',
        tags: ['webinar', 'agile'],
        link: `${SITE}/webinars/sprint-planning`,
        text: 'Thursday: how to plan a sprint that survives the first Monday standup. Free, 45 min, live Q&A. 🗓️',
      },
      {
        day: 0,
        hour: 16,
        network: 'linkedin',
        contentType: 'live',
        tags: ['webinar', 'agile'],
        text: 'Live now: Sprint planning that survives Monday. Join in, questions welcome in the comments.',
      },
      {
        day: 2,
        hour: 14,
        network: 'instagram',
        contentType: 'carousel',
        tags: ['webinar', 'agile', 'tips'],
        text: 'Missed the webinar? The 5 sprint planning rules from Thursday, one per slide. Save this for your next planning 📌 #sprintplanning #agile #projectmanagement',
      },
    ],
  },
  {
    title: 'Roadmaps your execs will actually read',
    posts: [
      {
        day: -7,
        hour: 13,
        network: 'linkedin',
        contentType: 'link',
        tags: ['webinar', 'roadmaps'],
        link: `${SITE}/webinars/roadmaps`,
        text: 'Your roadmap is 14 tabs and nobody reads it. In our next free webinar we rebuild one live: now / next / later, one page, zero jargon. Register:',
      },
      {
        day: -1,
        hour: 14,
        network: 'x',
        contentType: 'text',
        tags: ['webinar', 'roadmaps'],
        text: "Tomorrow: roadmaps your execs will actually read. Live at 11am ET, recording for everyone who registers. Bring your worst roadmap, we'll fix one live 🛠️",
      },
      {
        day: 0,
        hour: 16,
        network: 'linkedin',
        contentType: 'live',
        tags: ['webinar', 'roadmaps'],
        text: "We're live: Roadmaps your execs will actually read, with guest Hannah Brooks (VP Product, Cobalt Health).",
      },
      {
        day: 3,
        hour: 13,
        network: 'linkedin',
        contentType: 'carousel',
        tags: ['webinar', 'roadmaps', 'templates'],
        link: `${SITE}/templates/one-page-roadmap`,
        text: 'The one-page roadmap from our webinar, slide by slide. The last slide is the template itself: copy it into Lumen in one click.',
      },
    ],
  },
  {
    title: 'Async standups without the chaos',
    posts: [
      {
        day: -9,
        hour: 14,
        network: 'linkedin',
        contentType: 'link',
        tags: ['webinar', 'remote-work'],
        link: `${SITE}/webinars/async-standups`,
        text: 'Episode 3 of our Plan Better series: async standups without the chaos. How remote teams across 5 time zones replaced the daily meeting and kept the context. Free:',
      },
      {
        day: -1,
        hour: 15,
        network: 'instagram',
        contentType: 'image',
        tags: ['webinar', 'remote-work'],
        text: 'Tomorrow, live: async standups without the chaos 🌍 Link in bio to register. #remotework #async #standup',
      },
      {
        day: 0,
        hour: 16,
        network: 'linkedin',
        contentType: 'live',
        tags: ['webinar', 'remote-work'],
        text: 'Live: async standups without the chaos. Say hi in the comments and tell us your time zone 👋',
      },
      {
        day: 1,
        hour: 17,
        network: 'tiktok',
        contentType: 'video',
        tags: ['webinar', 'remote-work', 'humor'],
        text: "the daily standup that could've been a Lumen update 🫠 (clip from yesterday's webinar) #remotework #standup #worktok",
      },
    ],
  },
  {
    title: 'Capacity planning with the Workload view',
    posts: [
      {
        day: -8,
        hour: 13,
        network: 'linkedin',
        contentType: 'link',
        tags: ['webinar', 'workload'],
        link: `${SITE}/webinars/capacity-planning`,
        text: 'Last episode of the Plan Better series: capacity planning with the new Workload view. How to spot overload two weeks ahead and what to do about it. Register free:',
      },
      {
        day: -2,
        hour: 14,
        network: 'x',
        contentType: 'link',
        tags: ['webinar', 'workload'],
        link: `${SITE}/webinars/capacity-planning`,
        text: 'Capacity planning, live, with real data from the Workload view. Free webinar Thursday 11am ET 👇',
      },
      {
        day: 0,
        hour: 16,
        network: 'linkedin',
        contentType: 'live',
        tags: ['webinar', 'workload'],
        text: 'Live now: capacity planning with the Workload view. Last episode of the series, so we saved the best Q&A for the end.',
      },
      {
        day: 2,
        hour: 15,
        network: 'linkedin',
        contentType: 'video',
        tags: ['webinar', 'workload'],
        text: '3-minute recap of the capacity planning webinar: the 80% rule, the overload heatmap, and how to move work without a single meeting. Full recording in the comments.',
      },
    ],
  },
];

/** Status updates during the outage and the postmortem the day after; `minutesAfterStart` counts from the outage's start. */
export const OUTAGE_POSTS: readonly (PostText & { minutesAfterStart: number })[] = [
  {
    minutesAfterStart: 22,
    network: 'x',
    contentType: 'text',
    tags: ['status', 'incident'],
    link: 'https://status.lumen.app/',
    text: "We're investigating reports that Lumen is failing to load for some customers. Updates here and on our status page.",
  },
  {
    minutesAfterStart: 75,
    network: 'x',
    contentType: 'text',
    tags: ['status', 'incident'],
    text: "Update: we've found the cause (a failed database failover in our US region) and are rolling out a fix. Your data is safe. We're sorry, we know this is blocking your day.",
  },
  {
    minutesAfterStart: 195,
    network: 'x',
    contentType: 'text',
    tags: ['status', 'incident'],
    text: 'Resolved: Lumen is fully back. Everything saved before the incident is intact; edits made during it may need to be saved again. Full postmortem tomorrow. Thank you for your patience.',
  },
  {
    minutesAfterStart: 26 * 60,
    network: 'linkedin',
    contentType: 'link',
    tags: ['status', 'incident', 'trust'],
    link: `${SITE}/blog/incident-report`,
    text: "Yesterday Lumen was unavailable for over three hours. Here's what happened, why our failover didn't, and the five things we're changing this month. We owe you this in full:",
  },
  {
    minutesAfterStart: 26 * 60 + 15,
    network: 'x',
    contentType: 'link',
    tags: ['status', 'incident', 'trust'],
    link: `${SITE}/blog/incident-report`,
    text: "Our postmortem for yesterday's outage: what broke, why it took three hours, and what we're changing. SLA credits are applied automatically.",
  },
];

/** The always-on brand series: tips, humour, culture, customer stories. Used once each, in a seeded order. */
export const ALWAYS_ON_POSTS: readonly PostText[] = [
  // X
  { network: 'x', contentType: 'text', tags: ['tips'], text: 'Hot take: a task without an owner is a wish. 🎯' },
  {
    network: 'x',
    contentType: 'image',
    tags: ['tips', 'boards'],
    text: 'The 3 columns every board needs: To do, Doing, Waiting on someone else. That third one changes everything.',
  },
  { network: 'x', contentType: 'text', tags: ['community'], text: "What's the one meeting you'd delete from your week if you could? Wrong answers only 👇" },
  {
    network: 'x',
    contentType: 'link',
    tags: ['blog', 'retros'],
    link: `${SITE}/blog/better-retros`,
    text: "New on the blog: how to run a retro that doesn't turn into a complaint session",
  },
  {
    network: 'x',
    contentType: 'video',
    tags: ['tips', 'shortcuts'],
    text: 'Keyboard shortcut of the week: press G then T to jump to your timeline from anywhere. ⌨️',
  },
  {
    network: 'x',
    contentType: 'text',
    tags: ['culture'],
    text: 'Friday reminder: close your open tabs, close your open tasks, close your laptop. In that order. 🧘',
  },
  { network: 'x', contentType: 'image', tags: ['humor'], text: "Your project plan vs. what actually happened. 📉 (we've all been there)" },
  {
    network: 'x',
    contentType: 'link',
    tags: ['research'],
    link: `${SITE}/blog/due-dates-report`,
    text: 'We analysed 2M tasks: tasks with a due date get done 2.4x more often. The full report:',
  },
  { network: 'x', contentType: 'text', tags: ['community'], text: "PM confession time: what's the longest a task has sat in 'In progress' on your board? 😅" },
  {
    network: 'x',
    contentType: 'video',
    tags: ['product', 'timeline'],
    text: 'Drag, drop, done: moving a whole project phase on the timeline takes 4 seconds now. 🎥',
  },
  {
    network: 'x',
    contentType: 'link',
    tags: ['product', 'changelog'],
    link: `${SITE}/changelog`,
    text: 'Changelog: bulk edit for assignees, faster search, and 31 fixes.',
  },
  { network: 'x', contentType: 'text', tags: ['tips'], text: "Tip: name tasks with a verb. 'Homepage' is a topic. 'Draft homepage copy' is a task. ✍️" },
  { network: 'x', contentType: 'image', tags: ['culture'], text: "Meet the team behind Lumen's mobile app 👋 (yes, that's a real cactus)" },
  {
    network: 'x',
    contentType: 'link',
    tags: ['templates', 'agencies'],
    link: `${SITE}/templates/agencies`,
    text: 'Templates for agencies: client onboarding, retainer tracking and creative review, free to copy:',
  },
  { network: 'x', contentType: 'text', tags: ['tips'], text: "Unpopular opinion: 'ASAP' is not a due date." },
  {
    network: 'x',
    contentType: 'link',
    tags: ['hiring'],
    link: `${SITE}/careers`,
    text: "We're hiring a Senior Support Engineer (remote, Americas). Come help 40k teams plan better:",
  },
  { network: 'x', contentType: 'image', tags: ['humor'], text: 'Nobody:\nAbsolutely nobody:\nThe task that was due yesterday: 👋' },
  { network: 'x', contentType: 'text', tags: ['community'], text: "Drop your team's weirdest task name. We'll start: 'fix the thing from the meeting'." },
  // LinkedIn
  {
    network: 'linkedin',
    contentType: 'carousel',
    tags: ['tips', 'planning'],
    text: '5 planning mistakes we see in almost every team (and how to fix them in an afternoon). Swipe through 👉',
  },
  {
    network: 'linkedin',
    contentType: 'text',
    tags: ['thought-leadership'],
    text: "We used to ship a big release every quarter. Now we ship every Tuesday.\n\nThe change wasn't a tool. It was agreeing that 'done' means in customers' hands, not merged.\n\nWhat does 'done' mean on your team?",
  },
  {
    network: 'linkedin',
    contentType: 'link',
    tags: ['customer-story'],
    link: `${SITE}/customers/brightside-studio`,
    text: 'Customer story: how Brightside Studio (60 people, 3 countries) cut missed deadlines by 40% in two quarters.',
  },
  {
    network: 'linkedin',
    contentType: 'image',
    tags: ['hiring'],
    link: `${SITE}/careers`,
    text: "We're hiring! 6 open roles across engineering, design and support. Remote-friendly, async by default.",
  },
  {
    network: 'linkedin',
    contentType: 'carousel',
    tags: ['tips'],
    text: 'The anatomy of a good task: owner, verb, due date, definition of done. A field guide in 8 slides.',
  },
  {
    network: 'linkedin',
    contentType: 'text',
    tags: ['culture', 'support'],
    text: "Our support team answered 18,000 conversations last quarter. Median first reply: 11 minutes.\n\nProud of this team. Even prouder that the top request was 'how do I do more with Lumen', not 'why is it broken'.",
  },
  {
    network: 'linkedin',
    contentType: 'link',
    tags: ['research'],
    link: `${SITE}/reports/state-of-planning`,
    text: 'New research: the state of project planning in mid-size companies. 1,200 managers, 14 countries, a few surprises.',
  },
  { network: 'linkedin', contentType: 'video', tags: ['product', 'timeline'], text: 'Three teams, three ways to use the Timeline. 90 seconds.' },
  {
    network: 'linkedin',
    contentType: 'carousel',
    tags: ['tips', 'workload'],
    text: 'Capacity planning cheat sheet: the 80% rule, buffers, and when to say no. Save it for your next planning cycle.',
  },
  {
    network: 'linkedin',
    contentType: 'text',
    tags: ['culture', 'milestone'],
    text: 'Five years ago Lumen was two people and a spreadsheet. Today we help 40,000 teams plan their work.\n\nThank you to every customer who told us what was broken. You built this with us.',
  },
  {
    network: 'linkedin',
    contentType: 'link',
    tags: ['product', 'changelog'],
    link: `${SITE}/changelog`,
    text: 'Product update: guest access gets granular permissions, plus faster search across workspaces.',
  },
  {
    network: 'linkedin',
    contentType: 'carousel',
    tags: ['tips', 'meetings'],
    text: 'How to run a 15-minute weekly planning meeting. Agenda, roles and the one question that saves the most time.',
  },
  { network: 'linkedin', contentType: 'image', tags: ['culture'], text: 'Our team offsite in Lisbon: 2 days of planning, 1 day of pastéis de nata. 🇵🇹' },
  {
    network: 'linkedin',
    contentType: 'link',
    tags: ['trust', 'security'],
    link: `${SITE}/blog/soc2`,
    text: 'We passed our SOC 2 Type II audit. What it taught a 90-person company about security:',
  },
  {
    network: 'linkedin',
    contentType: 'carousel',
    tags: ['tips', 'onboarding'],
    text: 'Onboarding a new hire in Lumen: the 30-60-90 template our own people team uses, in 6 slides.',
  },
  {
    network: 'linkedin',
    contentType: 'text',
    tags: ['thought-leadership'],
    text: "The most expensive sentence in project management is 'I thought you had it.'\n\nOwnership beats process. Every time.",
  },
  // Instagram
  {
    network: 'instagram',
    contentType: 'reel',
    tags: ['humor'],
    text: 'When the sprint ends and every task is actually done 😌 #projectmanagement #productivity #teamwork',
  },
  {
    network: 'instagram',
    contentType: 'carousel',
    tags: ['tips'],
    text: '6 ways to organise your week in Lumen ☀️ Save for Monday! #productivitytips #planning #worksmarter',
  },
  {
    network: 'instagram',
    contentType: 'image',
    tags: ['community'],
    text: 'Desk setup of the month from @marta.makes 🌿 How does your workspace look? #desksetup #wfh',
  },
  { network: 'instagram', contentType: 'reel', tags: ['tips'], text: 'POV: you finally colour-code your projects 🌈 #organization #productivity #lumenapp' },
  {
    network: 'instagram',
    contentType: 'carousel',
    tags: ['tips', 'meetings'],
    text: 'Meeting notes that actually get read: a template in 5 slides 📝 #meetings #worktips',
  },
  {
    network: 'instagram',
    contentType: 'story',
    tags: ['community'],
    text: "Quick poll: are you a 'plan the whole week on Monday' person or a 'figure it out daily' person? 🗳️",
  },
  { network: 'instagram', contentType: 'reel', tags: ['humor'], text: 'Things PMs say vs. what they mean 🙃 #pmlife #corporatehumor #officehumor' },
  { network: 'instagram', contentType: 'image', tags: ['motivation'], text: 'Monday motivation: progress over perfection ✨ #mondaymotivation #productivity' },
  {
    network: 'instagram',
    contentType: 'carousel',
    tags: ['culture', 'design'],
    text: 'Behind the scenes: how our design team plans a feature, from sketch to ship 🎨 #design #productdesign #behindthescenes',
  },
  {
    network: 'instagram',
    contentType: 'video',
    tags: ['culture', 'support'],
    text: 'A day in the life of a Lumen support engineer 🎧 #dayinthelife #startuplife #techjobs',
  },
  {
    network: 'instagram',
    contentType: 'reel',
    tags: ['tips', 'shortcuts'],
    text: '3 shortcuts that will save you an hour a week in Lumen ⌨️ #productivityhacks #lumenapp',
  },
  {
    network: 'instagram',
    contentType: 'image',
    tags: ['culture'],
    text: 'Our office dog Biscuit reviewed the new board view. 10/10, would nap on again 🐶 #officedog #startuplife',
  },
  {
    network: 'instagram',
    contentType: 'reel',
    tags: ['humor', 'meetings'],
    text: 'That meeting that could have been a comment 💬 #meetings #officehumor #worklife',
  },
  {
    network: 'instagram',
    contentType: 'image',
    tags: ['customer-story'],
    text: 'Meet Brightside Studio: 60 people, 3 countries, one Lumen workspace 🌍 #customerstory #agencylife',
  },
  // TikTok
  { network: 'tiktok', contentType: 'video', tags: ['humor'], text: 'types of coworkers during sprint planning 😂 #worktok #corporatehumor #pmtok' },
  { network: 'tiktok', contentType: 'video', tags: ['tips'], text: 'how I plan my whole week in 5 minutes (no, really) #productivity #planning #lumenapp' },
  { network: 'tiktok', contentType: 'video', tags: ['humor', 'agencies'], text: "when the client says 'small change' 🫠 #agencylife #worktok" },
  { network: 'tiktok', contentType: 'video', tags: ['humor'], text: "rating my team's task names 💀 #pmtok #corporatehumor" },
  { network: 'tiktok', contentType: 'video', tags: ['tips', 'product'], text: '3 Lumen features nobody talks about #productivitytips #techtok' },
  { network: 'tiktok', contentType: 'live', tags: ['tips', 'event'], text: 'Live: building a content calendar from scratch in Lumen, ask us anything 🎥' },
  { network: 'tiktok', contentType: 'video', tags: ['humor'], text: "POV: it's your first week as a project manager #newjob #pmtok" },
  { network: 'tiktok', contentType: 'video', tags: ['tips'], text: 'the 2-minute rule changed how I run my to-do list #productivityhacks #worktok' },
  {
    network: 'tiktok',
    contentType: 'video',
    tags: ['tips', 'humor'],
    text: 'rating popular productivity hacks as a project manager ⭐ #productivity #worktok',
  },
  {
    network: 'tiktok',
    contentType: 'video',
    tags: ['culture', 'humor'],
    text: 'our designer explaining the new icons to the engineers 😭 #startuplife #techtok',
  },
  { network: 'tiktok', contentType: 'video', tags: ['humor'], text: 'me pretending the gantt chart was always the plan 🙂 #pmtok #corporatehumor' },
  { network: 'tiktok', contentType: 'video', tags: ['tips'], text: 'how our CEO runs her week in Lumen (she said we could post this) #productivity #founder' },
];
