-- Development seed (not a migration): the BIWAQ project office "Zukunft Kempten-Ost" as published
-- (../shared/seed/office-announcement-2020.txt). Idempotent: every insert skips rows that exist (topics
-- only fill in languages they lack), so `npm start` can apply it on every run and a second run changes nothing.

INSERT INTO locations (slug, name, short_name, street, postal_code, city, phone, email, time_zone, holiday_region,
                       slot_minutes, seats_per_slot, min_notice_minutes, horizon_days)
VALUES ('kempten-ost',
        'Projektbüro BIWAQ „Zukunft Kempten-Ost – Leben und Arbeiten (LeA)“ im Quartiersbüro Soziale Stadt Kempten-Ost',
        'Zukunft Kempten-Ost',
        'Anton-Fehr-Str. 6', NULL, 'Kempten (Allgäu)',
        '0172 / 2315911', 'franziska.kull@kempten.de', 'Europe/Berlin', 'BY',
        30, 1, 120, 56)
ON CONFLICT (slug) DO NOTHING;

-- The provider as the announcement names it: the city, its department, the project office (issue 10).
-- Nothing more is published there (no representative, no data protection officer): admins add those.
UPDATE locations SET provider_body = 'Stadt Kempten (Allgäu)', provider_department = 'Amt für Wirtschaft und Stadtentwicklung'
WHERE slug = 'kempten-ost' AND provider_body IS NULL;

WITH r(name, sort_order) AS (VALUES ('Raum 1', 1), ('Raum 2', 2))
INSERT INTO rooms (location_id, name, sort_order)
SELECT l.id, r.name, r.sort_order
FROM locations AS l, r
WHERE l.slug = 'kempten-ost'
ON CONFLICT (location_id, name) DO NOTHING;

-- Monday 13:00–17:30 and Wednesday 09:00–13:00; otherwise "nach Vereinbarung".
WITH r(weekday, opens, closes) AS (VALUES (1, '13:00', '17:30'), (3, '09:00', '13:00'))
INSERT INTO opening_rules (location_id, weekday, opens, closes, valid_from)
SELECT l.id, r.weekday, r.opens, r.closes, '2020-06-01'
FROM locations AS l, r
WHERE l.slug = 'kempten-ost'
ON CONFLICT (location_id, weekday, opens, valid_from) DO NOTHING;

-- Offers from the announcement. Durations fit the 30-minute grid; a 60-minute topic holds two slots.
-- Names and descriptions in the six resident languages (migration 0010): German as published, the
-- others machine translation (Claude) from the German, not yet reviewed by a native speaker.
-- A topic that exists already keeps its texts; a language it lacks is filled in from here, and only
-- while its German name is still the seed's (an office that renamed a topic gets no stale translation).
WITH t(key, label, description, audience, duration_minutes, bookable_online, walk_in, icon, sort_order) AS (VALUES
  ('fragen',
   json_object('de', 'Allgemeine Fragen', 'en', 'General questions', 'tr', 'Genel sorular', 'ru', 'Общие вопросы', 'uk', 'Загальні питання', 'ar', 'أسئلة عامة'),
   json_object('de', 'Sie haben eine Frage oder ein Anliegen? Wir hören zu und helfen weiter.', 'en', 'You have a question or a concern? We listen and help.', 'tr', 'Bir sorunuz veya isteğiniz mi var? Sizi dinliyor ve yardımcı oluyoruz.', 'ru', 'У вас есть вопрос или просьба? Мы выслушаем и поможем.', 'uk', 'У вас є питання чи прохання? Ми вислухаємо і допоможемо.', 'ar', 'هل لديكم سؤال أو طلب؟ نستمع إليكم ونساعدكم.'),
   'everyone', 30, 1, 1, 'chat', 1),
  ('kompetenzanalyse',
   json_object('de', 'Kompetenzanalyse', 'en', 'Skills assessment', 'tr', 'Yetkinlik analizi', 'ru', 'Анализ навыков', 'uk', 'Аналіз навичок', 'ar', 'تحليل الكفاءات'),
   json_object('de', 'Gemeinsam finden wir heraus, was Sie gut können.', 'en', 'Together we find out what you are good at.', 'tr', 'Neleri iyi yapabildiğinizi birlikte buluyoruz.', 'ru', 'Вместе мы узнаем, что у вас хорошо получается.', 'uk', 'Разом ми дізнаємося, що у вас добре виходить.', 'ar', 'نكتشف معًا ما تجيدونه.'),
   'residents', 60, 1, 1, 'star', 2),
  ('einzelcoaching',
   json_object('de', 'Einzelcoaching', 'en', 'One-to-one coaching', 'tr', 'Bireysel koçluk', 'ru', 'Индивидуальный коучинг', 'uk', 'Індивідуальний коучинг', 'ar', 'تدريب فردي'),
   json_object('de', 'Ein Gespräch nur für Sie: Ziele, nächste Schritte, Arbeit.', 'en', 'A conversation just for you: goals, next steps, work.', 'tr', 'Sadece sizin için bir görüşme: hedefler, sonraki adımlar, iş.', 'ru', 'Беседа только для вас: цели, следующие шаги, работа.', 'uk', 'Розмова тільки для вас: цілі, наступні кроки, робота.', 'ar', 'محادثة لكم وحدكم: الأهداف، الخطوات التالية، العمل.'),
   'residents', 60, 1, 1, 'person', 3),
  ('bewerbung',
   json_object('de', 'Bewerbungstraining (auch digital)', 'en', 'Job application training (also digital)', 'tr', 'İş başvurusu eğitimi (dijital de)', 'ru', 'Подготовка к поиску работы (и онлайн)', 'uk', 'Підготовка до пошуку роботи (також онлайн)', 'ar', 'التدريب على التقدّم للوظائف (رقميًا أيضًا)'),
   json_object('de', 'Lebenslauf, Anschreiben, Bewerben am Computer, Vorstellungsgespräch üben.', 'en', 'CV, cover letter, applying online, practising the job interview.', 'tr', 'Özgeçmiş, ön yazı, bilgisayarda başvuru, iş görüşmesi provası.', 'ru', 'Резюме, сопроводительное письмо, отклик через компьютер, репетиция собеседования.', 'uk', 'Резюме, супровідний лист, подання заявки через компʼютер, репетиція співбесіди.', 'ar', 'السيرة الذاتية، رسالة التقديم، التقديم عبر الحاسوب، التدرّب على مقابلة العمل.'),
   'residents', 60, 1, 1, 'document', 4),
  ('qualifizierung',
   json_object('de', 'Qualifizierung', 'en', 'Training and qualifications', 'tr', 'Eğitim ve kurslar', 'ru', 'Обучение и повышение квалификации', 'uk', 'Навчання та підвищення кваліфікації', 'ar', 'التأهيل والتدريب'),
   json_object('de', 'Welche Kurse und Weiterbildungen passen zu Ihnen?', 'en', 'Which courses and further training suit you?', 'tr', 'Hangi kurslar ve eğitimler size uygun?', 'ru', 'Какие курсы и обучение вам подходят?', 'uk', 'Які курси та навчання вам підходять?', 'ar', 'ما الدورات والتدريبات المناسبة لكم؟'),
   'residents', 30, 1, 1, 'school', 5),
  ('unternehmen',
   json_object('de', 'Beratung und Coaching für Unternehmen', 'en', 'Advice and coaching for businesses', 'tr', 'İşletmeler için danışmanlık ve koçluk', 'ru', 'Консультации и коучинг для предприятий', 'uk', 'Консультації та коучинг для підприємств', 'ar', 'استشارات وتدريب للشركات'),
   json_object('de', 'Für Betriebe im Stadtteil: Personal, Fragen, Unterstützung.', 'en', 'For businesses in the district: staff, questions, support.', 'tr', 'Semtteki işletmeler için: personel, sorular, destek.', 'ru', 'Для предприятий района: персонал, вопросы, поддержка.', 'uk', 'Для підприємств району: персонал, питання, підтримка.', 'ar', 'للشركات في الحي: الموظفون، الأسئلة، الدعم.'),
   'businesses', 60, 1, 0, 'shop', 6),
  ('vernetzung',
   json_object('de', 'Unternehmensnetzwerk Kempten-Ost', 'en', 'Kempten-Ost business network', 'tr', 'Kempten-Ost işletmeler ağı', 'ru', 'Сеть предприятий Kempten-Ost', 'uk', 'Мережа підприємств Kempten-Ost', 'ar', 'شبكة شركات Kempten-Ost'),
   json_object('de', 'Lernen Sie andere Betriebe im Stadtteil kennen.', 'en', 'Meet other businesses in the district.', 'tr', 'Semtteki diğer işletmelerle tanışın.', 'ru', 'Познакомьтесь с другими предприятиями района.', 'uk', 'Познайомтеся з іншими підприємствами району.', 'ar', 'تعرّفوا على شركات أخرى في الحي.'),
   'businesses', 30, 1, 0, 'network', 7),
  ('lernorte',
   json_object('de', 'Digitale Lernorte: mitmachen', 'en', 'Digital learning places: take part', 'tr', 'Dijital öğrenme yerleri: katılın', 'ru', 'Цифровые места обучения: участвуйте', 'uk', 'Цифрові місця навчання: долучайтеся', 'ar', 'أماكن التعلّم الرقمي: شاركوا'),
   json_object('de', 'Gemeinsam lernen am Computer und im Internet.', 'en', 'Learning together on the computer and online.', 'tr', 'Bilgisayarda ve internette birlikte öğrenmek.', 'ru', 'Учимся вместе: компьютер и интернет.', 'uk', 'Вчимося разом: компʼютер та інтернет.', 'ar', 'نتعلّم معًا على الحاسوب وعبر الإنترنت.'),
   'everyone', 30, 1, 1, 'laptop', 8),
  ('zeitung',
   json_object('de', 'Stadtteilzeitung: mitmachen', 'en', 'District newspaper: take part', 'tr', 'Semt gazetesi: katılın', 'ru', 'Газета района: участвуйте', 'uk', 'Газета району: долучайтеся', 'ar', 'صحيفة الحي: شاركوا'),
   json_object('de', 'Schreiben Sie mit oder erzählen Sie Ihre Geschichte.', 'en', 'Write with us or tell your story.', 'tr', 'Bizimle yazın veya hikâyenizi anlatın.', 'ru', 'Пишите вместе с нами или расскажите свою историю.', 'uk', 'Пишіть разом з нами або розкажіть свою історію.', 'ar', 'اكتبوا معنا أو احكوا قصتكم.'),
   'everyone', 30, 1, 1, 'newspaper', 9)
)
INSERT INTO topics (location_id, key, label, description, audience,
                    duration_minutes, bookable_online, walk_in, icon, sort_order)
SELECT l.id, t.*
FROM locations AS l, t
WHERE l.slug = 'kempten-ost'
ON CONFLICT (location_id, key) DO UPDATE SET
  label = json_patch(excluded.label, topics.label),
  description = json_patch(excluded.description, topics.description)
WHERE json_extract(topics.label, '$.de') = json_extract(excluded.label, '$.de')
  AND (topics.label <> json_patch(excluded.label, topics.label)
       OR topics.description <> json_patch(excluded.description, topics.description));
