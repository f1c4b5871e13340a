/** Handles as people pick them on X, Instagram and TikTok. Earlier entries post more often (see pickAuthor). */
export const HANDLES: readonly string[] = [
  'jen_builds', 'coffee_and_gantt', 'pm_priya', 'ops_olu', 'sprintqueen', 'theagencyguy', 'kat.codes', 'devonships',
  'sam_plans_things', 'notjustnora', 'ux_raf', 'brendan_pm', 'lisa.in.ops', 'chiefofstuff', 'mk_ventures', 'alex_ships',
  'tinyteamtom', 'hannah.h', 'ravi_eng', 'sofia.design', 'jpdelacruz', 'noemi_k', 'fred_the_founder', 'agencylifeamy',
  'beth_does_ops', 'kwame.builds', 'yuki_pm', 'o_malley_dan', 'backlog_bob', 'dee_writes', 'the_real_ty', 'grace.pm',
  'lukas_b', 'isabelle_r', 'nina_works_remote', 'mateo_dev', 'zoe.plans', 'chris_in_product', 'itsjustmo', 'freelance_finn',
  'harper.ops', 'ines.ux', 'wfh_wendy', 'jordan_scrum', 'mia.marketing', 'omar_builds', 'quinn_qa', 'ruthless_prioritizer',
  'saas_steve', 'tasha_tech', 'uma.design', 'vik_pm', 'will_ships_it', 'xander_ops', 'yara.creates', 'zach_planner',
  'pm_memes_daily', 'deadline_dodger', 'the_ops_nerd', 'marta.makes', 'gantt_or_bust', 'nocode_nell', 'standup_sid',
];

/** Names as people show them on LinkedIn. */
export const NAMES: readonly string[] = [
  'Priya Raman', 'Daniel Osei', 'Laura Becker', 'Tom Whitfield', 'Aisha Khan', 'Marco Bianchi', 'Sarah Lindqvist',
  "James O'Connor", 'Mei Chen', 'Rafael Souza', 'Julia Nowak', 'Kevin Park', 'Fatima Al-Sayed', 'Ben Carter',
  'Olivia Grant', 'Hiroshi Tanaka', 'Nadia Petrova', 'Ethan Brooks', 'Samuel Adeyemi', 'Emma Johansson', 'Arjun Mehta',
  'Patrick Nolan', 'Ingrid Larsen', 'Hannah Weiss', 'Michael Ross', 'Grace Liu', 'Omar Haddad', 'Rachel Kim',
];

/** Authors for texts in other languages, so a German post is not signed by "jen_builds". */
export const AUTHORS_BY_LANGUAGE: Record<'es' | 'fr' | 'de', { handles: readonly string[]; names: readonly string[] }> = {
  es: { handles: ['carlos_mx', 'ana.lopez.pm', 'pablo_codes', 'vale.planifica'], names: ['Lucía Fernández', 'Diego Ramírez', 'Valentina Ortiz'] },
  fr: { handles: ['marie.dupont', 'juju_gestion', 'thomas_pm_fr'], names: ['Chloé Martin', 'Claire Dubois', 'Antoine Lefèvre'] },
  de: { handles: ['lenaschmidt_', 'jonas.plant', 'kathi_ops'], names: ['Stefan Müller', 'Anna Vogel', 'Felix Hartmann'] },
};

/** How review sites show a reviewer: no name, a role and a company size. */
export const REVIEWER_ROLES: readonly string[] = [
  'Operations Manager', 'Head of Delivery', 'Engineering Manager', 'Agency Owner', 'Product Manager', 'Project Coordinator',
  'Marketing Lead', 'IT Director', 'COO', 'Scrum Master',
];
export const COMPANY_SIZES: readonly string[] = ['11-50 employees', '51-200 employees', '201-500 employees', '501-1000 employees'];
