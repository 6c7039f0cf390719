from django.apps import AppConfig


class RecordsConfig(AppConfig):
    name = "saathi.records"
    label = "records"
    verbose_name = "Records and milestones"

    def ready(self) -> None:
        # Imported here, as Django asks of anything that loads models. The import's
        # milestones are judged inside import_file; telling partners of them waits for
        # the commit and the worker, like same-outing detection. And the news is worded
        # by news.py, which reads badges.py, which imports the model: the model cannot
        # word itself without a loop.
        from saathi.activities import after_import
        from saathi.notifications.notices import word_with
        from saathi.records.models import MilestoneNews
        from saathi.records.news import notice_for
        from saathi.records.tasks import queue_milestone_news

        after_import.register(queue_milestone_news)
        word_with(MilestoneNews, notice_for)
